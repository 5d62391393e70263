"""The store: engine and named queries, versioned writes and rollback, the upload archive, bootstrap, demo data and accounts."""
