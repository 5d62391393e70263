select id
from uploads
where is_demo and status <> 'cleared'
order by id
