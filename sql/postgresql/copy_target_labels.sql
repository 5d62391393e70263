-- A bulk write of target_labels: the rows as CSV with a header that must name the table's columns in order.
copy target_labels from stdin with (format csv, header match)
