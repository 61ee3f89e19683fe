with p as materialized (select 0 as idx, '${D0}'::date::timestamp at time zone 'UTC' as t0, '${D1}'::date::timestamp at time zone 'UTC' as t1,
                               '${D0}'::date as d0, '${D1}'::date as d1),
