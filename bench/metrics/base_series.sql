with p as materialized (select (i - 1)::int as idx, m at time zone 'UTC' as t0, (m + interval '1 month') at time zone 'UTC' as t1,
                               m::date as d0, (m + interval '1 month')::date as d1
                          from generate_series('${M0}'::timestamp, '${M0}'::timestamp + interval '11 months', interval '1 month')
                               with ordinality g(m, i)),
