-- The store's write lock for the rest of the transaction, shared by every replica on the server
-- (upload ids are max()+1; 224 is Plan 224's number, the lock's key).
select pg_advisory_xact_lock(224)
