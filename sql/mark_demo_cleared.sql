update uploads
set status = 'cleared'
where is_demo and status <> 'cleared'
