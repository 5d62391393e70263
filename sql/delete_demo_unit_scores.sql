delete from unit_scores
where upload_id in (select id from uploads where is_demo)
