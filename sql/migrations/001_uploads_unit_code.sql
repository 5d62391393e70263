-- Release of issue 11: an upload remembers the reporting unit that wrote it (null: a city analyst or
-- the system). Stores made before it (e.g. by commit bb66393) lack the column.
alter table uploads add column if not exists unit_code varchar
