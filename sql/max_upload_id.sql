select max(id) from uploads
