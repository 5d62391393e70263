select task_no, period, period_start, period_end, status, progress_pct, note, upload_id
from task_status_current
order by task_no, period_end
