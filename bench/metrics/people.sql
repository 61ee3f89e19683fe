-- People of the metrics benchmark (included by generate.sql): a person, a company and a job title per lead number,
-- deterministic (hashes of the number), with the seniority the title implies. Names and companies are combined from
-- short lists, so the data set holds thousands of distinct companies and people like a B2B inbound funnel does.
create function pg_temp.bench_person(n bigint)
returns table (first text, last text, company text, domain text, industry text, employees int, country text, title text,
               seniority text)
language sql immutable as $$
select f.first, l.last, c.company, c.domain, c.industry, c.employees, k.country, t.title, t.seniority
  from (select (array['Ada','Grace','Alan','Linus','Barbara','Ken','Margaret','Dennis','Frances','Edsger','Radia','Tim',
                      'Sofia','Mateo','Aisha','Kenji','Olivia','Noah','Priya','Lukas','Chloe','Omar','Ingrid','Diego'])
               [1 + abs(hashtext('f' || n)) % 24] as first) f,
       (select (array['Lovelace','Hopper','Turing','Torvalds','Liskov','Thompson','Hamilton','Ritchie','Allen','Dijkstra',
                      'Perlman','Knuth','Garcia','Nakamura','Schmidt','Okafor','Rossi','Dubois','Kowalski','Haddad'])
               [1 + abs(hashtext('l' || n)) % 20] as last) l,
       (select w1 || ' ' || w2 as company, replace(lower(w1 || w2), ' ', '') || '.example' as domain,
               (array['Software','Financial Services','Healthcare','Manufacturing','Retail','Logistics','Energy',
                      'Education'])[1 + abs(hashtext('i' || n)) % 8] as industry,
               (array[8, 25, 60, 140, 400, 1200, 5000, 20000])[1 + abs(hashtext('e' || n)) % 8] as employees
          from (select (array['Northwind','Contoso','Fabrikam','Tailspin','Wingtip','Litware','Proseware','Woodgrove',
                              'Adatum','Alpine','Blue Yonder','Coho','Fourth Coffee','Graphic','Humongous','Lucerne',
                              'Margie','Trey','Wide World','Relecloud'])[1 + abs(hashtext('c' || n)) % 20] as w1,
                       (array['Analytics','Systems','Logistics','Health','Foods','Bank','Labs','Software','Energy','Retail',
                              'Partners','Works'])[1 + abs(hashtext('d' || n)) % 12] as w2) w) c,
       (select (array['US','US','US','GB','DE','FR','CA','NL','ES','AU','SE','IN'])[1 + abs(hashtext('k' || n)) % 12] as country) k,
       (select * from (values
            (0, 'CEO', 'C_LEVEL'), (1, 'Chief Revenue Officer', 'C_LEVEL'), (2, 'VP Marketing', 'VP'), (3, 'VP Sales', 'VP'),
            (4, 'Director of Demand Generation', 'DIRECTOR'), (5, 'Marketing Director', 'DIRECTOR'),
            (6, 'Marketing Manager', 'MANAGER'), (7, 'Sales Operations Manager', 'MANAGER'), (8, 'Product Manager', 'MANAGER'),
            (9, 'Account Executive', 'INDIVIDUAL_CONTRIBUTOR'), (10, 'Data Analyst', 'INDIVIDUAL_CONTRIBUTOR'),
            (11, 'Software Engineer', 'INDIVIDUAL_CONTRIBUTOR'), (12, 'Marketing Specialist', 'INDIVIDUAL_CONTRIBUTOR'),
            (13, 'Consultant', 'INDIVIDUAL_CONTRIBUTOR'), (14, 'Student', 'STUDENT'), (15, null, 'UNKNOWN')) v(i, title, seniority)
         where v.i = abs(hashtext('t' || n)) % 16) t
$$;
