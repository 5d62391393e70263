-- How many fact rows carry an upload's id (a whole upload: as many as its audit row says).
select (select count(*) from observations where upload_id = :upload_id)
     + (select count(*) from unit_scores where upload_id = :upload_id)
     + (select count(*) from task_status where upload_id = :upload_id) as "rows"
