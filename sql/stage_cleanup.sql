-- Free what staging left in a connection of the store's pool.
drop view if exists staged_rows;
drop view if exists raw_numbers;
drop table if exists staged;
drop table if exists raw
