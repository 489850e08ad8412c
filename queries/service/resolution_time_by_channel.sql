-- id: resolution_time_by_channel
-- version: 1
-- title: Resolution time by channel
-- needs: tickets(ticket_id, opened_at, resolved_at, channel)
-- view: bar(channel, median_hours)
-- headline: median_hours hours
-- better: lower
-- show: channel category | Channel
-- show: resolved integer | Resolved tickets
-- show: median_hours hours | Median resolution time
-- show: average_hours hours | Average resolution time
-- show: open_tickets integer | Still open
-- columns: channel varchar, resolved integer, median_hours double, average_hours double, open_tickets integer
-- Median and average hours from opening to resolution of the tickets opened in the period, by the
-- channel the ticket came through. Tickets still open are counted apart.

-- As resolution_time, by channel; a ticket without a channel is 'unknown'.
select coalesce(channel, 'unknown') as channel,
       count(resolved_at) filter (where resolved_at >= opened_at)::integer as resolved,
       median(date_diff('second', opened_at, resolved_at) / 3600.0) filter (where resolved_at >= opened_at)::double as median_hours,
       avg(date_diff('second', opened_at, resolved_at) / 3600.0) filter (where resolved_at >= opened_at)::double as average_hours,
       count(*) filter (where resolved_at is null)::integer as open_tickets
from tickets
where opened_at >= getvariable('period_start')
  and opened_at < getvariable('period_end') + interval 1 day
group by grouping sets ((coalesce(channel, 'unknown')), ())
order by channel nulls first
