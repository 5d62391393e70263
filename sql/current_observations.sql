select indicator_code, area_code, period, period_start, period_end, value, note, source, upload_id
from observations_current
