-- The periods with DTI scores, for one kind of unit (agency | ward), newest first.
select period, max(period_end) as period_end, count(distinct unit_code) as units
from unit_scores_current
where unit_kind = :unit_kind
group by period
order by period_end desc
