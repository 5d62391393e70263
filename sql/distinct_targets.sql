select distinct 'code' as column_name, code as raw from raw
union all
select distinct 'pillar', pillar from raw
union all
select distinct 'comparator', comparator from raw
union all
select distinct 'deadline', deadline from raw
union all
select distinct 'lead_agency', lead_agency from raw
union all
select distinct 'coordinating_agencies', coordinating_agencies from raw
