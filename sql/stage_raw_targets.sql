-- The uploaded table of a targets upload, loaded by stage_raw_load.sql. Columns the file
-- lacks stay empty.
create or replace temp table raw (
    code varchar,
    plan_no varchar,
    pillar varchar,
    name_vi varchar,
    name_en varchar,
    unit varchar,
    comparator varchar,
    target_value varchar,
    deadline varchar,
    lead_agency varchar,
    coordinating_agencies varchar
)
