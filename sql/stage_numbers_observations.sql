create or replace temp view raw_numbers as select value as number_text from raw
