delete from target_parts
