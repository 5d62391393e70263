-- A bulk write of observations: the rows as CSV with a header that must name the table's columns in order.
copy observations from stdin with (format csv, header match)
