-- A bulk write of pillars: the rows as CSV with a header that must name the table's columns in order.
copy pillars from stdin with (format csv, header match)
