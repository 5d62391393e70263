select code, name_vi, name_en, sort_order
from pillars
order by sort_order
