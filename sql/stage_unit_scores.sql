-- Parse a unit_scores upload (DTI-like scores by unit, period and pillar); see stage_observations.sql.
create or replace temp table staged as
with parsed as (
    select r.rowid as row_id,
           u.code as unit_code, u.extra as unit_kind, u.key_id as unit_id, r.unit is null as unit_missing,
           p.code as period, p.period_start, p.period_end, p.key_id as period_id, r.period is null as period_missing,
           l.code as pillar, l.key_id as pillar_id, r.pillar is null as pillar_missing,
           r.score is null and r.score_number is null as score_missing,
           case when $typed then r.score_number else num_parse(num_clean(r.score), $conv) end as score
    from raw as r
    left join map_unit as u on u.raw = r.unit
    left join map_period as p on p.raw = r.period
    left join map_pillar as l on l.raw = r.pillar
    where not (r.unit is null and r.period is null and r.pillar is null and r.score is null
               and r.score_number is null)
)
select row_id, unit_code, unit_kind, period, period_start, period_end, pillar, score,
       case when unit_missing then 1 when unit_code is null then 2 else 0 end::tinyint as unit_state,
       case when period_missing then 1 when period is null then 2 else 0 end::tinyint as period_state,
       case when pillar_missing then 1 when pillar is null then 2 else 0 end::tinyint as pillar_state,
       case when score_missing then 1 when score is null then 2 else 0 end::tinyint as score_state,
       case when unit_id is null or period_id is null or pillar_id is null then -1 - row_id
            else (unit_id::bigint << 40) + (period_id::bigint << 20) + pillar_id end as row_key
from parsed
