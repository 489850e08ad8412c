-- id: lead_conversion
-- version: 1
-- title: Lead-to-customer rate
-- needs: leads(lead_id, created_at, channel, converted_at)
-- view: bar(channel, rate)
-- headline: rate percent
-- better: higher
-- show: channel category | Channel
-- show: leads integer | Leads
-- show: converted integer | Became customers
-- show: rate percent | Conversion rate
-- columns: channel varchar, leads integer, converted integer, rate double
-- Of the leads created in the period, the share that became customers, by the channel the lead came
-- from. A lead counts as converted whenever it converted, even after the period, so recent periods
-- read low until their leads have had time to convert.

-- A lead converted when it has a conversion date (converted_at); a lead without a channel is
-- 'unknown'.
select coalesce(channel, 'unknown') as channel,
       count(*)::integer as leads,
       count(converted_at)::integer as converted,
       (count(converted_at) / count(*))::double as rate
from leads
where created_at >= getvariable('period_start')
  and created_at < getvariable('period_end') + interval 1 day
group by grouping sets ((coalesce(channel, 'unknown')), ())
order by channel nulls first
