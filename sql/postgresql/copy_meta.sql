-- A bulk write of meta: the rows as CSV with a header that must name the table's columns in order.
copy meta from stdin with (format csv, header match)
