-- How fresh the figures are: the newest analyst or demo upload, and the newest period reported.
-- (Any active version of a period stands for its current value: no need to rank versions.)
with latest_upload as (
    select max(uploaded_at) as uploaded_at
    from uploads
    where status = 'active' and kind <> 'targets'
),
latest_period as (
    select max(period_end) as period_end
    from observations_active
    where period_start <= :as_of
)
select latest_upload.uploaded_at, latest_period.period_end
from latest_upload
cross join latest_period
