-- DuckDB: write the write-ahead log into the file, so that a copy of the file is the whole store.
checkpoint
