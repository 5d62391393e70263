-- The SHA-256 of every upload's file: the archive keeps these and only these.
select distinct sha256 from uploads where sha256 is not null
