-- A bulk write of task_status: the rows as CSV with a header that must name the table's columns in order.
copy task_status from stdin with (format csv, header match)
