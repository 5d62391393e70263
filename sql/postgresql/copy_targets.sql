-- A bulk write of targets: the rows as CSV with a header that must name the table's columns in order.
copy targets from stdin with (format csv, header match)
