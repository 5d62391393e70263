-- A bulk write of wards: the rows as CSV with a header that must name the table's columns in order.
copy wards from stdin with (format csv, header match)
