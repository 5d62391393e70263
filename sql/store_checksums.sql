-- A fingerprint of every table and current view: rows, and the XOR of row hashes (DuckDB).
-- Equal fingerprints before and after mean nothing changed (a rejected upload), or that a
-- rollback brought back exactly what was current.
select 'observations' as name, count(*) as row_count,
       coalesce(bit_xor(hash(indicator_code, area_code, period, value, note, source, upload_id)), 0) as checksum
from observations
union all
select 'observations_current', count(*), coalesce(bit_xor(hash(indicator_code, area_code, period, value, note, source)), 0)
from observations_current
union all
select 'unit_scores', count(*), coalesce(bit_xor(hash(unit_code, period, pillar, score, upload_id)), 0)
from unit_scores
union all
select 'unit_scores_current', count(*), coalesce(bit_xor(hash(unit_code, period, pillar, score)), 0)
from unit_scores_current
union all
select 'task_status', count(*), coalesce(bit_xor(hash(task_no, period, status, progress_pct, note, upload_id)), 0)
from task_status
union all
select 'task_status_current', count(*), coalesce(bit_xor(hash(task_no, period, status, progress_pct, note)), 0)
from task_status_current
union all
select 'targets', count(*), coalesce(bit_xor(hash(code, target_value, comparator, upload_id)), 0)
from targets
union all
select 'targets_current', count(*), coalesce(bit_xor(hash(code, target_value, comparator, lead_agency)), 0)
from targets_current
union all
select 'uploads', count(*), coalesce(bit_xor(hash(id, status)), 0)
from uploads
union all
select 'upload_events', count(*), coalesce(bit_xor(hash(id, action)), 0)
from upload_events
