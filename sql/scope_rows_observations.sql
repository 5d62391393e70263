-- The keys a reporting unit's rights are checked on (the rows whose keys were understood).
select row_id, indicator_code, area_code
from staged
where indicator_code is not null and area_code is not null
