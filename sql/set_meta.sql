insert into meta (key, value) values (:key, :value)
