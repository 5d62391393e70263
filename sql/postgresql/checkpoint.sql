-- PostgreSQL: nothing to do before a dump (it reads one snapshot).
select 1
