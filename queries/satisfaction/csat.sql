-- id: csat
-- version: 2
-- title: Customer satisfaction (CSAT)
-- needs: surveys(answered_at, kind, score)
-- view: line(month, csat)
-- headline: csat percent
-- better: higher
-- param: scale varchar = null | The answers' scale: 1-5, 1-7, 1-10 or 0-10 (empty: read from the answers)
-- input: scale one of 1-5, 1-7, 1-10, 0-10
-- show: month month | Month
-- show: scale text | Scale
-- show: answers integer | Answers
-- show: satisfied integer | Satisfied
-- show: out_of_scale integer | Answers off the scale
-- show: csat percent | Satisfaction (CSAT)
-- columns: month date, scale varchar, answers integer, satisfied integer, out_of_scale integer, csat double
-- The share of satisfaction survey (CSAT) answers in the period that gave one of the top two scores
-- of the scale (4-5 on 1-5, 6-7 on 1-7, 9-10 on 1-10 or 0-10), by month and for the period. The
-- scale is the one you choose, or read from the answers when left empty; answers outside it are
-- counted apart.

-- Answers of kind 'csat'. When `scale` is empty it is read from every CSAT answer of all time: a
-- highest score up to 5 means 1-5, up to 7 means 1-7, above that 1-10, or 0-10 when some answer is
-- 0; `scale` says which was used. Answers outside it are not counted in `answers` or the share but
-- in `out_of_scale`; a missing score is no answer.
with answers as (
  select answered_at, score
  from surveys
  where lower(kind) = 'csat'
    and score is not null
),
chosen as (
  select coalesce(nullif(trim(getvariable('scale')), ''),
                  case when max(score) is null then null
                       when max(score) <= 5 then '1-5'
                       when max(score) <= 7 then '1-7'
                       when min(score) = 0 then '0-10'
                       else '1-10' end) as scale
  from answers
),
bounds as (
  select case when scale is null or scale in ('1-5', '1-7', '1-10', '0-10') then scale
              else error('scale must be 1-5, 1-7, 1-10 or 0-10, not ' || scale) end as scale,
         split_part(scale, '-', 1)::integer as low,
         split_part(scale, '-', 2)::integer as high
  from chosen
)
select date_trunc('month', a.answered_at)::date as month,
       (select scale from bounds)::varchar as scale,
       count(*) filter (where a.score between b.low and b.high)::integer as answers,
       count(*) filter (where a.score between b.high - 1 and b.high)::integer as satisfied,
       count(*) filter (where not a.score between b.low and b.high)::integer as out_of_scale,
       (count(*) filter (where a.score between b.high - 1 and b.high)
         / nullif(count(*) filter (where a.score between b.low and b.high), 0))::double as csat
from answers a
cross join bounds b
where a.answered_at >= getvariable('period_start')
  and a.answered_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', a.answered_at)::date), ())
order by month nulls first
