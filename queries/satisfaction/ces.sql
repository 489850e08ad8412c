-- id: ces
-- version: 2
-- title: Customer effort score (CES)
-- needs: surveys(answered_at, kind, score)
-- view: line(month, ces)
-- headline: ces score
-- better: lower
-- param: scale varchar = null | The answers' scale: 1-5, 1-7, 1-10 or 0-10 (empty: read from the answers)
-- input: scale one of 1-5, 1-7, 1-10, 0-10
-- show: month month | Month
-- show: scale text | Scale
-- show: answers integer | Answers
-- show: ces score | Effort score
-- show: low_effort_share percent | Low-effort answers
-- show: out_of_scale integer | Answers off the scale
-- columns: month date, scale varchar, answers integer, ces double, low_effort_share double, out_of_scale integer
-- How much effort customers say dealing with you took, from the effort survey (CES) answers of the
-- period, by month and for the period: the average score (lower is better) and the share of
-- low-effort answers, those below the scale's midpoint. The scale is the one you choose, or read
-- from the answers when left empty; answers outside it are counted apart. A survey whose highest
-- score means easy must be reversed before loading.

-- Answers of kind 'ces', where the lowest score is the least effort. Low effort: 1-2 of 1-5, 1-3 of
-- 1-7, 1-5 of 1-10. When `scale` is empty it is read from every CES answer of all time: a highest
-- score up to 5 means 1-5, up to 7 means 1-7, above that 1-10, or 0-10 when some answer is 0;
-- `scale` says which was used. Answers outside it are not counted in `answers` or the mean but in
-- `out_of_scale`; a missing score is no answer. Surveys that ask "how easy was it" (highest = easy)
-- must be reversed (low + high - score) before loading.
with answers as (
  select answered_at, score
  from surveys
  where lower(kind) = 'ces'
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
       avg(a.score) filter (where a.score between b.low and b.high)::double as ces,
       (count(*) filter (where a.score >= b.low and a.score < (b.low + b.high) / 2)
         / nullif(count(*) filter (where a.score between b.low and b.high), 0))::double as low_effort_share,
       count(*) filter (where not a.score between b.low and b.high)::integer as out_of_scale
from answers a
cross join bounds b
where a.answered_at >= getvariable('period_start')
  and a.answered_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', a.answered_at)::date), ())
order by month nulls first
