select count(*) filter (where c.status is null) as rows_new,
       count(*) filter (where c.status is not null
                        and (c.status <> s.status or coalesce(c.progress_pct, -1) <> coalesce(s.progress_pct, -1)))
           as rows_changed,
       count(*) filter (where c.status = s.status and coalesce(c.progress_pct, -1) = coalesce(s.progress_pct, -1))
           as rows_unchanged
from staged_rows as s
left join task_status_current as c on c.task_no = s.task_no and c.period = s.period
