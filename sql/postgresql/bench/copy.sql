-- PostgreSQL's own load of the benchmark file as it is: ';' between fields, a header line.
copy observations_file from stdin with (format csv, delimiter ';', header true)
