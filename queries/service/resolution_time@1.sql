-- id: resolution_time
-- version: 1
-- title: Resolution time
-- needs: tickets(ticket_id, opened_at, resolved_at)
-- view: line(month, median_hours)
-- headline: median_hours hours
-- columns: month date, resolved integer, median_hours double, average_hours double, open_tickets integer
-- Hours from opening to resolution of the tickets opened in the period, by month opened:
-- the median (what a typical customer waits) and the mean (pulled up by the slow tail).
-- Tickets still open are counted apart; a resolution before the opening is an export error
-- and is left out.
select date_trunc('month', opened_at)::date as month,
       count(resolved_at) filter (where resolved_at >= opened_at)::integer as resolved,
       median(date_diff('second', opened_at, resolved_at) / 3600.0) filter (where resolved_at >= opened_at)::double as median_hours,
       avg(date_diff('second', opened_at, resolved_at) / 3600.0) filter (where resolved_at >= opened_at)::double as average_hours,
       count(*) filter (where resolved_at is null)::integer as open_tickets
from tickets
where opened_at >= getvariable('period_start')
  and opened_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', opened_at)::date), ())
order by month nulls first
