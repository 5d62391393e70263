-- How many rows an upload brought.
select rows_total from uploads where id = :upload_id
