-- id: cohort_retention
-- version: 1
-- title: Monthly cohort retention
-- needs: orders(customer_id, order_date, revenue, status)
-- view: heatmap(month_offset, cohort, retention)
-- columns: cohort varchar, month_offset integer, customers integer, retention double
-- Customers grouped by the month of their first sale ever (cohorts starting in the period);
-- for each month after it (0 = the first month), the share of the cohort who bought in that
-- month. Month 0 is 100% by construction. Offsets run to the period's end.
with sales as (
  select customer_id, date_trunc('month', order_date)::date as month
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
),
firsts as (
  select customer_id, min(month) as cohort
  from sales
  group by all
),
sizes as (
  select cohort, count(*) as size
  from firsts
  where cohort >= date_trunc('month', getvariable('period_start'))
    and cohort <= getvariable('period_end')
  group by all
),
activity as (
  select f.cohort, date_diff('month', f.cohort, s.month) as month_offset, count(distinct s.customer_id) as customers
  from sales s
  join firsts f using (customer_id)
  where s.month <= getvariable('period_end')
  group by all
)
select strftime(a.cohort, '%Y-%m') as cohort,
       a.month_offset::integer as month_offset,
       a.customers::integer as customers,
       (a.customers / z.size)::double as retention
from activity a
join sizes z using (cohort)
order by cohort, month_offset
