-- A bulk write of agencies: the rows as CSV with a header that must name the table's columns in order.
copy agencies from stdin with (format csv, header match)
