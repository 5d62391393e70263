-- bench/ingest.py's limit: DuckDB's own read_csv of a file into a table of a fresh database.
create table observations_copy as select * from read_csv($path)
