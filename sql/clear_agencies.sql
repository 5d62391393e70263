delete from agencies
