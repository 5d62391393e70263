-- Every current DTI score of one kind of unit (agency | ward), in every period and pillar.
select unit_code, period, period_end, pillar, score
from unit_scores_current
where unit_kind = :unit_kind
order by unit_code, period_end, pillar
