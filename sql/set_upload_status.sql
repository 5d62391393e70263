update uploads
set status = :status
where id = :id
