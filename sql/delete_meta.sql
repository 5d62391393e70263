delete from meta where key = :key
