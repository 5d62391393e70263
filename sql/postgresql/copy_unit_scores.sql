-- A bulk write of unit_scores: the rows as CSV with a header that must name the table's columns in order.
copy unit_scores from stdin with (format csv, header match)
