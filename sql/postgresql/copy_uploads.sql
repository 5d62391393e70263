-- A bulk write of uploads: the rows as CSV with a header that must name the table's columns in order.
copy uploads from stdin with (format csv, header match)
