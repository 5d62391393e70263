"""Pure rules: Vietnamese text, periods, the catalog, status, ranking, tasks, scope and reporting duties."""
