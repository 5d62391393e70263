select distinct 'task_no' as column_name, task_no as raw from raw
union all
select distinct 'period', period from raw
union all
select distinct 'status', status from raw
