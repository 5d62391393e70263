-- Load an upload into the table raw (made by stage_raw_<kind>.sql); record n is line skip + 1 + n
-- of the file. The columns are named and typed by $columns.
insert into raw by name
select columns(lambda c: not starts_with(c, 'unused_'))  -- columns the kind does not know are left out
from read_csv($path, delim = $delim, header = false, skip = $skip, quote = '"', escape = '"',
              auto_detect = false, strict_mode = true, decimal_separator = $decimal, columns = $columns)
