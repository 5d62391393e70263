-- How many uploads the store holds (0: an empty store, into which a backup may be restored).
select count(*) from uploads
