-- The store of the Can Tho IOC dashboard.
-- One text for DuckDB and PostgreSQL: plain types and standard SQL. A store made by an older
-- release is brought up to date by sql/migrations/ first (cantho_dash/store/migrate.py).
-- Facts are versioned by upload: a row never changes; a later upload of the same key
-- supersedes it, and rolling an upload back only flips its status. The *_current views
-- pick, for every key, the row of the newest active upload.

create table if not exists meta (
    key varchar primary key,
    value varchar
);

create table if not exists pillars (
    code varchar primary key,
    name_vi varchar not null,
    name_en varchar not null,
    sort_order integer not null
);

create table if not exists agencies (
    code varchar primary key,
    name_vi varchar not null,
    name_en varchar not null,
    agency_type varchar not null,          -- department | commune_ward | other
    collective boolean not null,           -- 'Sở, ban, ngành' stands for many agencies
    in_plan boolean not null,              -- named in Plan 224 (false: other city departments)
    aliases varchar                        -- other spellings, separated by '|'
);

create table if not exists wards (
    code varchar primary key,              -- 5-digit code of the 2025 administrative units
    name_vi varchar not null,              -- 'Phường Cái Khế'
    short_name varchar not null,           -- 'Cái Khế'
    ward_type varchar not null,            -- phuong | xa
    latitude double precision,
    longitude double precision,
    area_km2 double precision
);

create table if not exists tasks (
    task_no integer primary key,
    name_vi varchar not null,
    name_en varchar not null,
    lead_agency varchar not null,
    coordinating_agencies varchar,
    deadline_text varchar not null,
    due_date date,
    recurrence varchar not null            -- once | quarterly | continuous
);

create table if not exists uploads (
    id integer primary key,
    kind varchar not null,                 -- targets | observations | unit_scores | task_status
    filename varchar,                      -- as the analyst named it, kept as text only
    sha256 varchar,
    uploaded_by varchar not null,
    uploaded_at timestamp not null,
    rows_total integer not null,
    rows_new integer,
    rows_changed integer,
    rows_unchanged integer,
    is_demo boolean not null,
    status varchar not null,               -- active | rolled_back | cleared
    unit_code varchar                      -- the writer's reporting unit; null: a city analyst or the system
);

create table if not exists upload_events (
    id integer primary key,
    upload_id integer not null,
    action varchar not null,               -- commit | rollback | restore | clear
    actor varchar not null,
    happened_at timestamp not null
);

-- The catalog of targets is itself versioned by upload (a revised catalog for a new plan year).
create table if not exists targets (
    code varchar not null,
    plan_no integer not null,
    pillar varchar not null,
    name_vi varchar not null,
    name_en varchar not null,
    unit varchar not null,                 -- % | milestone | a count unit
    comparator varchar not null,           -- > | >= | < | <=
    target_value double precision not null,
    deadline date not null,
    lead_agency varchar not null,
    coordinating_agencies varchar,
    upload_id integer not null
);

-- Targets measured in parts (Plan 224 no. 15): one row per part.
create table if not exists target_parts (
    target_code varchar not null,
    code varchar primary key,
    name_vi varchar not null,
    name_en varchar not null,
    unit varchar not null,
    comparator varchar not null,
    target_value double precision not null
);

-- Short labels for wall screens and charts; a target without one is shown by its code.
create table if not exists target_labels (
    code varchar primary key,
    short_vi varchar not null,
    short_en varchar not null
);

create table if not exists observations (
    indicator_code varchar not null,       -- a target code, or a part code such as CQS-15a
    area_code varchar not null,            -- CT for the whole city, or a ward code
    period varchar not null,               -- 2026-03 | 2026-Q1 | 2026-H1 | 2026
    period_start date not null,
    period_end date not null,
    value double precision not null,                 -- percentages as 0-100; a milestone as 0-1
    note varchar,
    source varchar,
    upload_id integer not null
);

create table if not exists unit_scores (
    unit_code varchar not null,            -- an agency code or a ward code
    unit_kind varchar not null,            -- agency | ward
    period varchar not null,
    period_start date not null,
    period_end date not null,
    pillar varchar not null,               -- CQS | KTS | XHS | TONG (the total)
    score double precision not null,
    upload_id integer not null
);

create table if not exists task_status (
    task_no integer not null,
    period varchar not null,
    period_start date not null,
    period_end date not null,
    status varchar not null,               -- not_started | in_progress | done | blocked
    progress_pct double precision,
    note varchar,
    upload_id integer not null
);

drop view if exists targets_current;
create view targets_current as
with latest_catalog as (
    select max(id) as upload_id
    from uploads
    where kind = 'targets' and status = 'active'
)
select t.code, t.plan_no, t.pillar, t.name_vi, t.name_en, t.unit, t.comparator, t.target_value,
       t.deadline, t.lead_agency, t.coordinating_agencies, t.upload_id
from targets as t
join latest_catalog as l on l.upload_id = t.upload_id;

-- Every version of an active upload. Where only the existence of a key matters (which periods,
-- which series, how many wards), this gives the same answer as *_current without ranking versions.
drop view if exists observations_active;
create view observations_active as
select o.indicator_code, o.area_code, o.period, o.period_start, o.period_end, o.value, o.upload_id
from observations as o
join uploads as u on u.id = o.upload_id
where u.status = 'active';

drop view if exists unit_scores_active;
create view unit_scores_active as
select s.unit_code, s.unit_kind, s.period, s.period_start, s.period_end, s.pillar, s.upload_id
from unit_scores as s
join uploads as u on u.id = s.upload_id
where u.status = 'active';

drop view if exists observations_current;
create view observations_current as
with ranked as (
    select o.indicator_code, o.area_code, o.period, o.period_start, o.period_end, o.value, o.note, o.source, o.upload_id,
           row_number() over (
               partition by o.indicator_code, o.area_code, o.period order by o.upload_id desc
           ) as version_rank
    from observations as o
    join uploads as u on u.id = o.upload_id
    where u.status = 'active'
)
select indicator_code, area_code, period, period_start, period_end, value, note, source, upload_id
from ranked
where version_rank = 1;

drop view if exists unit_scores_current;
create view unit_scores_current as
with ranked as (
    select s.unit_code, s.unit_kind, s.period, s.period_start, s.period_end, s.pillar, s.score, s.upload_id,
           row_number() over (
               partition by s.unit_code, s.period, s.pillar order by s.upload_id desc
           ) as version_rank
    from unit_scores as s
    join uploads as u on u.id = s.upload_id
    where u.status = 'active'
)
select unit_code, unit_kind, period, period_start, period_end, pillar, score, upload_id
from ranked
where version_rank = 1;

drop view if exists task_status_current;
create view task_status_current as
with ranked as (
    select s.task_no, s.period, s.period_start, s.period_end, s.status, s.progress_pct, s.note, s.upload_id,
           row_number() over (partition by s.task_no, s.period order by s.upload_id desc) as version_rank
    from task_status as s
    join uploads as u on u.id = s.upload_id
    where u.status = 'active'
)
select task_no, period, period_start, period_end, status, progress_pct, note, upload_id
from ranked
where version_rank = 1;
