-- A bulk write of tasks: the rows as CSV with a header that must name the table's columns in order.
copy tasks from stdin with (format csv, header match)
