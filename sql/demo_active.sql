select count(*) > 0
from uploads
where is_demo and status = 'active'
