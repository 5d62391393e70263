-- The current DTI scores of one kind of unit (agency | ward) in two periods (a period and the one before).
select unit_code, period, period_end, pillar, score
from unit_scores_current
where unit_kind = :unit_kind
  and period in (:period, :previous)
order by unit_code, period_end, pillar
