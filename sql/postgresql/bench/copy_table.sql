-- The limit of bench/ingest.py on PostgreSQL: a table for the file's four columns, as text (the
-- values have decimal commas, which PostgreSQL does not read as numbers).
create table observations_file (indicator_code text, area_code text, period text, value_text text)
