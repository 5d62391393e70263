"""Facts per noun (targets, tasks, leagues, wards): an engine and an as-of date in, DataFrames out."""
