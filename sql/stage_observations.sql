-- Parse an observations upload. Keys go through the maps of their distinct raw texts
-- (resolved once each in Python); numbers were read by read_csv or go through num_parse. Each
-- column gets a state for pandera: 0 ok, 1 missing, 2 not understood (unit_class: 1 %, 2 milestone,
-- 3 count). Rows with nothing in them (Excel's trailing rows) are left out.
create or replace temp table staged as
with parsed as (
    select r.rowid as row_id,
           i.code as indicator_code, i.unit_class, i.key_id as indicator_id, r.indicator_code is null as indicator_missing,
           a.code as area_code, a.key_id as area_id, r.area is null as area_missing,
           p.code as period, p.period_start, p.period_end, p.key_id as period_id, r.period is null as period_missing,
           r.value is null and r.value_number is null as value_missing,
           case when $typed then r.value_number
                else coalesce(case when i.unit_class = 2 then done_word(r.value) end,
                              num_parse(num_clean(r.value), $conv)
                                  / case when i.unit_class = 2 and contains(r.value, '%') then 100.0 else 1.0 end)
           end as value,
           nullif(trim(r.note), '') as note, nullif(trim(r.source), '') as source
    from raw as r
    left join map_indicator_code as i on i.raw = r.indicator_code
    left join map_area as a on a.raw = r.area
    left join map_period as p on p.raw = r.period
    where not (r.indicator_code is null and r.area is null and r.period is null and r.value is null
               and r.value_number is null and r.note is null and r.source is null)
)
select row_id, indicator_code, area_code, period, period_start, period_end, value, note, source,
       coalesce(unit_class, 3)::tinyint as unit_class,
       case when indicator_missing then 1 when indicator_code is null then 2 else 0 end::tinyint as indicator_code_state,
       case when area_missing then 1 when area_code is null then 2 else 0 end::tinyint as area_state,
       case when period_missing then 1 when period is null then 2 else 0 end::tinyint as period_state,
       case when value_missing then 1 when value is null then 2 else 0 end::tinyint as value_state,
       case when indicator_id is null or area_id is null or period_id is null then -1 - row_id
            else (indicator_id::bigint << 40) + (area_id::bigint << 20) + period_id end as row_key
from parsed
