-- Why unread numbers were not read: 'ambiguous' or 'bad' (for the report only).
select number_text, num_problem(num_clean(number_text), $conv) as problem
from unread_numbers
