create or replace temp view raw_numbers as select score as number_text from raw
