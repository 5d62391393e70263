select s.task_no, s.period, c.status as old_status, s.status as new_status,
       c.progress_pct as old_value, s.progress_pct as new_value
from staged_rows as s
join task_status_current as c on c.task_no = s.task_no and c.period = s.period
where c.status <> s.status or coalesce(c.progress_pct, -1) <> coalesce(s.progress_pct, -1)
order by abs(coalesce(s.progress_pct, 0) - coalesce(c.progress_pct, 0)) desc, s.task_no, s.period
limit 10
