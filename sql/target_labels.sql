select code, short_vi, short_en
from target_labels
order by code
