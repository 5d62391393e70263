-- A bulk write of target_parts: the rows as CSV with a header that must name the table's columns in order.
copy target_parts from stdin with (format csv, header match)
