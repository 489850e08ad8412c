-- id: nps
-- version: 2
-- title: Net Promoter Score
-- needs: surveys(answered_at, kind, score)
-- view: line(month, nps)
-- headline: nps score
-- better: higher
-- show: month month | Month
-- show: answers integer | Answers
-- show: promoters integer | Promoters
-- show: passives integer | Passives
-- show: detractors integer | Detractors
-- show: nps score | Net promoter score
-- columns: month date, answers integer, promoters integer, passives integer, detractors integer, nps double
-- Net Promoter Score of the answers in the period, on the 0-10 scale: the percentage of promoters
-- (9-10) minus the percentage of detractors (0-6), from -100 to 100, by month and for the period.
-- Scores outside 0-10 or missing are left out rather than guessed.

-- Answers of kind 'nps'. Version 2 declares the headline a score, so its change reads in points (20
-- -> 25 is +5 pts, not +25 %); its answers are version 1's.
select date_trunc('month', answered_at)::date as month,
       count(*)::integer as answers,
       count(*) filter (where score >= 9)::integer as promoters,
       count(*) filter (where score between 7 and 8)::integer as passives,
       count(*) filter (where score <= 6)::integer as detractors,
       (100.0 * (count(*) filter (where score >= 9) - count(*) filter (where score <= 6)) / count(*))::double as nps
from surveys
where lower(kind) = 'nps'
  and score between 0 and 10
  and answered_at >= getvariable('period_start')
  and answered_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', answered_at)::date), ())
order by month nulls first
