-- What pandera checks: states, numbers and keys, no text.
select row_id, code_state, plan_no_state, pillar_state, name_vi_state, name_en_state, unit_state,
       comparator_state, target_value_state, deadline_state, lead_agency_state, coordinating_agencies_state,
       unit, target_value, row_key
from staged
