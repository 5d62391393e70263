select unit_code, unit_kind, period, period_start, period_end, pillar, score, upload_id
from unit_scores_current
