-- What pandera checks: states, numbers and keys, no text.
select row_id, task_no_state, period_state, status_state, progress_pct_state, progress_pct,
       coalesce(status = 'done', false) as is_done, row_key
from staged
