-- The columns of one of the store's tables, in order.
select column_name
from information_schema.columns
where table_name = :table and table_schema = current_schema()
order by ordinal_position
