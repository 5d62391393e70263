-- How many values are ambiguous alone ('1.234', '1,234'), and, among all values, the evidence for
-- the file's convention. The second and third counts are only needed when the first is not zero.
select
    count_if(regexp_full_match(number_text, '\s*[-+]?[1-9]\d{0,2}[.,]\d{3}\s*%?\s*')) as ambiguous_values
from raw_numbers
