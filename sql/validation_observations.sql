-- What pandera checks: states, numbers and keys, no text.
select row_id, indicator_code_state, area_state, period_state, value_state, unit_class, value, row_key
from staged
