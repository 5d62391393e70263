-- A fingerprint of every table and current view: rows, and the XOR of row hashes (PostgreSQL:
-- the first 64 bits of each row's md5).
-- Equal fingerprints before and after mean nothing changed (a rejected upload), or that a
-- rollback brought back exactly what was current.
select 'observations' as name, count(*) as row_count,
       coalesce(bit_xor(('x' || substr(md5(row(indicator_code, area_code, period, value, note, source, upload_id)::text), 1, 16))::bit(64)::bigint), 0) as checksum
from observations
union all
select 'observations_current', count(*), coalesce(bit_xor(('x' || substr(md5(row(indicator_code, area_code, period, value, note, source)::text), 1, 16))::bit(64)::bigint), 0)
from observations_current
union all
select 'unit_scores', count(*), coalesce(bit_xor(('x' || substr(md5(row(unit_code, period, pillar, score, upload_id)::text), 1, 16))::bit(64)::bigint), 0)
from unit_scores
union all
select 'unit_scores_current', count(*), coalesce(bit_xor(('x' || substr(md5(row(unit_code, period, pillar, score)::text), 1, 16))::bit(64)::bigint), 0)
from unit_scores_current
union all
select 'task_status', count(*), coalesce(bit_xor(('x' || substr(md5(row(task_no, period, status, progress_pct, note, upload_id)::text), 1, 16))::bit(64)::bigint), 0)
from task_status
union all
select 'task_status_current', count(*), coalesce(bit_xor(('x' || substr(md5(row(task_no, period, status, progress_pct, note)::text), 1, 16))::bit(64)::bigint), 0)
from task_status_current
union all
select 'targets', count(*), coalesce(bit_xor(('x' || substr(md5(row(code, target_value, comparator, upload_id)::text), 1, 16))::bit(64)::bigint), 0)
from targets
union all
select 'targets_current', count(*), coalesce(bit_xor(('x' || substr(md5(row(code, target_value, comparator, lead_agency)::text), 1, 16))::bit(64)::bigint), 0)
from targets_current
union all
select 'uploads', count(*), coalesce(bit_xor(('x' || substr(md5(row(id, status)::text), 1, 16))::bit(64)::bigint), 0)
from uploads
union all
select 'upload_events', count(*), coalesce(bit_xor(('x' || substr(md5(row(id, action)::text), 1, 16))::bit(64)::bigint), 0)
from upload_events
