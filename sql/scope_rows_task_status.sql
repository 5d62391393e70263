-- The tasks a reporting unit's rights are checked on (the rows whose task was understood).
select row_id, task_no
from staged
where task_no is not null
