delete from wards
