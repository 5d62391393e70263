select distinct 'unit' as column_name, unit as raw from raw
union all
select distinct 'period', period from raw
union all
select distinct 'pillar', pillar from raw
