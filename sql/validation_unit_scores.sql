-- What pandera checks: states, numbers and keys, no text.
select row_id, unit_state, period_state, pillar_state, score_state, score, row_key
from staged
