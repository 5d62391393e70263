select task_no, name_vi, name_en, lead_agency, coordinating_agencies, deadline_text, due_date, recurrence
from tasks
order by task_no
