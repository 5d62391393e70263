select s.unit_code, s.period, s.pillar, c.score as old_value, s.score as new_value
from staged_rows as s
join unit_scores_current as c
    on c.unit_code = s.unit_code and c.period = s.period and c.pillar = s.pillar
where c.score <> s.score
order by abs(s.score - c.score) desc, s.unit_code, s.period, s.pillar
limit 10
