-- How observations staged in the store's own connection compare with the current values (the
-- import path of pipeline.import_file). As diff_observations.sql, but the current values are first
-- given the upload's own integer keys (row_key, from the map_* tables), so that a million staged
-- rows are matched on one integer instead of three texts.
with ids_indicator as (select distinct code, key_id from map_indicator_code where key_id is not null),
ids_area as (select distinct code, key_id from map_area where key_id is not null),
ids_period as (select distinct code, key_id from map_period where key_id is not null),
current_keyed as (
    select (i.key_id::bigint << 40) + (a.key_id::bigint << 20) + p.key_id as row_key, c.value
    from observations_current as c
    join ids_indicator as i on i.code = c.indicator_code
    join ids_area as a on a.code = c.area_code
    join ids_period as p on p.code = c.period
)
select count(*) filter (where c.value is null) as rows_new,
       count(*) filter (where c.value is not null and c.value <> s.value) as rows_changed,
       count(*) filter (where c.value = s.value) as rows_unchanged
from staged as s
left join current_keyed as c on c.row_key = s.row_key
