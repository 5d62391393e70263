create or replace temp view raw_numbers as select progress_pct as number_text from raw
