select code, name_vi, short_name, ward_type, latitude, longitude, area_km2
from wards
order by code
