-- The store's write lock, taken at the start of every write transaction. DuckDB: nothing to do (one
-- process holds the file, and db.WRITE_LOCK serialises its threads).
select 1
