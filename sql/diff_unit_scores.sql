select count(*) filter (where c.score is null) as rows_new,
       count(*) filter (where c.score is not null and c.score <> s.score) as rows_changed,
       count(*) filter (where c.score = s.score) as rows_unchanged
from staged_rows as s
left join unit_scores_current as c
    on c.unit_code = s.unit_code and c.period = s.period and c.pillar = s.pillar
