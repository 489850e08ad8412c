-- id: customer_report_tickets
-- version: 1
-- title: Customer's support tickets
-- needs: tickets(customer_id, ticket_id, opened_at, resolved_at, channel)
-- view: table
-- param: customer_id varchar = null | The customer
-- show: happened_at date | Date
-- show: activity category | Activity
-- show: detail text | Detail
-- show: score number | Score
-- columns: happened_at timestamp, activity varchar, detail varchar, score double
-- The customer's support tickets up to the period's end, newest first, with their channel and
-- whether they were resolved.

select opened_at::timestamp as happened_at,
       'ticket'::varchar as activity,
       concat_ws(' · ', ticket_id, coalesce(channel, 'unknown'), case when resolved_at is null then 'open' else 'resolved' end)::varchar as detail,
       null::double as score
from tickets
where customer_id = getvariable('customer_id')
  and opened_at < getvariable('period_end') + interval 1 day
order by happened_at desc
