-- The tasks with a current status for a period covering the given month.
select distinct task_no
from task_status_current
where period_start <= :month_end
  and period_end >= :month_start
