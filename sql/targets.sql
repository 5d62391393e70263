select code, plan_no, pillar, name_vi, name_en, unit, comparator, target_value, deadline, lead_agency,
       coordinating_agencies, upload_id
from targets_current
order by plan_no
