select code, name_vi, name_en, agency_type, collective, in_plan, aliases
from agencies
order by code
