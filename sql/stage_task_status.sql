-- Parse a task_status upload; see stage_observations.sql.
create or replace temp table staged as
with parsed as (
    select r.rowid as row_id,
           t.code::integer as task_no, t.key_id as task_id, r.task_no is null as task_no_missing,
           p.code as period, p.period_start, p.period_end, p.key_id as period_id, r.period is null as period_missing,
           st.code as status, r.status is null as status_missing,
           r.progress_pct is null and r.progress_pct_number is null as progress_pct_missing,
           case when $typed then r.progress_pct_number else num_parse(num_clean(r.progress_pct), $conv) end
               as progress_pct,
           nullif(trim(r.note), '') as note
    from raw as r
    left join map_task_no as t on t.raw = r.task_no
    left join map_period as p on p.raw = r.period
    left join map_status as st on st.raw = r.status
    where not (r.task_no is null and r.period is null and r.status is null and r.progress_pct is null
               and r.progress_pct_number is null and r.note is null)
)
select row_id, task_no, period, period_start, period_end, status, progress_pct, note,
       case when task_no_missing then 1 when task_no is null then 2 else 0 end::tinyint as task_no_state,
       case when period_missing then 1 when period is null then 2 else 0 end::tinyint as period_state,
       case when status_missing then 1 when status is null then 2 else 0 end::tinyint as status_state,
       case when progress_pct_missing then 1 when progress_pct is null then 2 else 0 end::tinyint as progress_pct_state,
       case when task_id is null or period_id is null then -1 - row_id
            else (task_id::bigint << 20) + period_id end as row_key
from parsed
