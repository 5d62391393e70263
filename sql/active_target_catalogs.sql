select count(*)
from uploads
where kind = 'targets' and status = 'active'
