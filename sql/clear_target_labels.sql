delete from target_labels
