-- 1 when the store has the named table (0 on a new store).
select count(*)
from information_schema.tables
where table_name = :table and table_schema = current_schema()
