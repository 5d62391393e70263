-- Number parsing for staged uploads: decimal comma or point, thousands separators,
-- a trailing %, spaces and no-break spaces. conv is the file's convention where a value alone is
-- ambiguous ('1.234', '1,234'): 'vn' (point = thousands), 'en' (comma = thousands), or null, where
-- a comma is read as the Vietnamese decimal comma and '1.234' stays unread (reported as ambiguous).
create or replace temp macro num_clean(s) as
    case when regexp_matches(s, '[^0-9.,+\-]')
         then nullif(replace(replace(replace(replace(trim(s), '%', ''), ' ', ''), chr(160), ''), chr(8239), ''), '')
         else nullif(s, '') end;

create or replace temp macro num_count(t, c) as length(t) - length(replace(t, c, ''));

create or replace temp macro num_parse(t, conv) as
    case
        when t is null or regexp_matches(t, '[^0-9.,+\-]') then null
        when not contains(t, ',') and not contains(t, '.') then try_cast(t as double)
        when contains(t, ',') and contains(t, '.') then
            case
                when strpos(reverse(t), ',') < strpos(reverse(t), '.') then
                    case when regexp_full_match(t, '[-+]?\d{1,3}(\.\d{3})*,\d+')
                         then try_cast(replace(replace(t, '.', ''), ',', '.') as double) end
                else
                    case when regexp_full_match(t, '[-+]?\d{1,3}(,\d{3})*\.\d+')
                         then try_cast(replace(t, ',', '') as double) end
            end
        when contains(t, ',') then
            case
                when num_count(t, ',') = 1 then
                    case when conv = 'en' and regexp_full_match(t, '[-+]?\d{1,3},\d{3}')
                         then try_cast(replace(t, ',', '') as double)
                         else try_cast(replace(t, ',', '.') as double) end
                when regexp_full_match(t, '[-+]?\d{1,3}(,\d{3})+') then try_cast(replace(t, ',', '') as double)
            end
        else
            case
                when num_count(t, '.') = 1 then
                    case when regexp_full_match(t, '[-+]?[1-9]\d{0,2}\.\d{3}') then
                             case conv when 'vn' then try_cast(replace(t, '.', '') as double)
                                       when 'en' then try_cast(t as double) end
                         else try_cast(t as double) end
                when regexp_full_match(t, '[-+]?\d{1,3}(\.\d{3})+') then try_cast(replace(t, '.', '') as double)
            end
    end;

-- Why a non-empty value was not read: 'ambiguous' or 'bad'.
create or replace temp macro num_problem(t, conv) as
    case
        when t is null then null
        when conv is null and regexp_full_match(t, '[-+]?[1-9]\d{0,2}\.\d{3}') then 'ambiguous'
        else 'bad'
    end;

-- Milestones may also be written in words.
create or replace temp macro done_word(s) as
    case lower(strip_accents(replace(replace(trim(s), 'đ', 'd'), 'Đ', 'D')))
        when 'hoan thanh' then 1.0 when 'da hoan thanh' then 1.0 when 'done' then 1.0
        when 'chua hoan thanh' then 0.0 when 'not done' then 0.0
    end
