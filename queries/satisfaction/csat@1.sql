-- id: csat
-- version: 1
-- title: Customer satisfaction (CSAT)
-- needs: surveys(answered_at, kind, score)
-- view: line(month, csat)
-- headline: csat percent
-- columns: month date, answers integer, satisfied integer, csat double
-- CSAT answers (kind 'csat', 1-5) in the period: the share of 4 and 5 ("satisfied" or
-- "very satisfied"), by month and for the whole period. Scores outside 1-5 are left out.
select date_trunc('month', answered_at)::date as month,
       count(*)::integer as answers,
       count(*) filter (where score >= 4)::integer as satisfied,
       (count(*) filter (where score >= 4) / count(*))::double as csat
from surveys
where lower(kind) = 'csat'
  and score between 1 and 5
  and answered_at >= getvariable('period_start')
  and answered_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', answered_at)::date), ())
order by month nulls first
