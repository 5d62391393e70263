delete from pillars
