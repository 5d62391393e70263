-- Empty unit_scores (a restore, with --force, into a store that has rows).
delete from unit_scores
