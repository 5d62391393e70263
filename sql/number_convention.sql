-- The evidence for a file's number convention: Vietnamese (1.234,5 or 76,46) or English (1,234.5 or 76.46).
with cleaned as (
    select num_clean(number_text) as t
    from raw_numbers
)
select
    count_if(regexp_full_match(t, '[-+]?\d+,(\d{1,2}|\d{4,})')
             or regexp_full_match(t, '[-+]?\d{1,3}(\.\d{3})+,\d+|[-+]?\d{1,3}(\.\d{3}){2,}')) as vn_evidence,
    count_if(regexp_full_match(t, '[-+]?\d+\.(\d{1,2}|\d{4,})')
             or regexp_full_match(t, '[-+]?\d{1,3}(,\d{3})+\.\d+|[-+]?\d{1,3}(,\d{3}){2,}')) as en_evidence
from cleaned
