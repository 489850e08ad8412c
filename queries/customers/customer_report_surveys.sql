-- id: customer_report_surveys
-- version: 1
-- title: Customer's survey answers
-- needs: surveys(customer_id, answered_at, kind, score, comment)
-- view: table
-- param: customer_id varchar = null | The customer
-- show: happened_at date | Date
-- show: activity category | Activity
-- show: detail text | Detail
-- show: score number | Score
-- columns: happened_at timestamp, activity varchar, detail varchar, score double
-- The customer's survey answers up to the period's end, newest first: the survey (NPS, CSAT, CES),
-- the score and the comment.

select answered_at::timestamp as happened_at,
       ('survey ' || lower(kind))::varchar as activity,
       comment::varchar as detail,
       score::double as score
from surveys
where customer_id = getvariable('customer_id')
  and answered_at < getvariable('period_end') + interval 1 day
order by happened_at desc
