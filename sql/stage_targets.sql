-- Parse a revised targets catalog (a new plan year); see stage_observations.sql.
create or replace temp table staged as
with parsed as (
    select r.rowid as row_id,
           c.code, c.key_id as code_id, r.code is null as code_missing,
           try_cast(num_parse(num_clean(r.plan_no), null) as integer) as plan_no, r.plan_no is null as plan_no_missing,
           p.code as pillar, r.pillar is null as pillar_missing,
           nullif(trim(r.name_vi), '') as name_vi, nullif(trim(r.name_en), '') as name_en,
           nullif(trim(r.unit), '') as unit,
           m.code as comparator, r.comparator is null as comparator_missing,
           case when $typed then null else num_parse(num_clean(r.target_value), $conv) end
               / case when trim(r.unit) = 'milestone' and contains(r.target_value, '%') then 100.0 else 1.0 end
               as target_value,
           r.target_value is null as target_value_missing,
           d.extra as deadline, r.deadline is null as deadline_missing,
           l.code as lead_agency, r.lead_agency is null as lead_agency_missing,
           o.code as coordinating_agencies, r.coordinating_agencies is null as coordinating_agencies_missing
    from raw as r
    left join map_code as c on c.raw = r.code
    left join map_pillar as p on p.raw = r.pillar
    left join map_comparator as m on m.raw = r.comparator
    left join map_deadline as d on d.raw = r.deadline
    left join map_lead_agency as l on l.raw = r.lead_agency
    left join map_coordinating_agencies as o on o.raw = r.coordinating_agencies
    where trim(concat_ws('', r.code, r.plan_no, r.pillar, r.name_vi, r.name_en, r.unit, r.comparator,
                             r.target_value, r.deadline, r.lead_agency, r.coordinating_agencies)) <> ''
)
select row_id, code, plan_no, pillar, name_vi, name_en, unit, comparator, target_value, deadline, lead_agency,
       coalesce(coordinating_agencies, '') as coordinating_agencies,
       case when code_missing then 1 when code is null then 2 else 0 end::tinyint as code_state,
       case when plan_no_missing then 1 when plan_no is null then 2 else 0 end::tinyint as plan_no_state,
       case when pillar_missing then 1 when pillar is null then 2 else 0 end::tinyint as pillar_state,
       case when name_vi is null then 1 else 0 end::tinyint as name_vi_state,
       case when name_en is null then 1 else 0 end::tinyint as name_en_state,
       case when unit is null then 1 else 0 end::tinyint as unit_state,
       case when comparator_missing then 1 when comparator is null then 2 else 0 end::tinyint as comparator_state,
       case when target_value_missing then 1 when target_value is null then 2 else 0 end::tinyint as target_value_state,
       case when deadline_missing then 1 when deadline is null then 2 else 0 end::tinyint as deadline_state,
       case when lead_agency_missing then 1 when lead_agency is null then 2 else 0 end::tinyint as lead_agency_state,
       case when coordinating_agencies_missing or coordinating_agencies is not null then 0 else 2 end::tinyint
           as coordinating_agencies_state,
       coalesce(code_id, -1 - row_id) as row_key
from parsed
