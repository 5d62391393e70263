-- A bulk write of upload_events: the rows as CSV with a header that must name the table's columns in order.
copy upload_events from stdin with (format csv, header match)
