-- The periods with DTI scores, for one kind of unit (agency | ward), newest first
-- (counted over active versions: one current score per unit, period and pillar).
select period, max(period_end) as period_end, count(distinct unit_code) as units
from unit_scores_active
where unit_kind = :unit_kind
group by period
order by period_end desc
