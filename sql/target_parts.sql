select target_code, code, name_vi, name_en, unit, comparator, target_value
from target_parts
order by code
