-- id: ces
-- version: 1
-- title: Customer effort score (CES)
-- needs: surveys(answered_at, kind, score)
-- view: line(month, ces)
-- headline: ces number
-- columns: month date, answers integer, ces double, low_effort_share double
-- CES answers (kind 'ces') on a 1-7 effort scale, 1 = very easy and 7 = very hard: the mean
-- score (lower is better) and the share of answers at 1-3, by month and for the period.
-- Surveys that ask "how easy was it" (7 = easy) must be reversed (8 - score) before loading.
select date_trunc('month', answered_at)::date as month,
       count(*)::integer as answers,
       avg(score)::double as ces,
       (count(*) filter (where score <= 3) / count(*))::double as low_effort_share
from surveys
where lower(kind) = 'ces'
  and score between 1 and 7
  and answered_at >= getvariable('period_start')
  and answered_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', answered_at)::date), ())
order by month nulls first
