-- The distinct raw keys of an observations upload, resolved once each in Python.
select distinct 'indicator_code' as column_name, indicator_code as raw from raw
union all
select distinct 'area', area from raw
union all
select distinct 'period', period from raw
