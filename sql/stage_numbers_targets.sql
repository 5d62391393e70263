create or replace temp view raw_numbers as select target_value as number_text from raw
