-- id: new_customers_per_day
-- version: 1
-- title: New customers per day
-- needs: customer_orders(order_number, first_at)
-- view: bar(day, new_customers)
-- headline: per_day number
-- better: higher
-- show: day date | Day
-- show: new_customers integer | New customers
-- show: per_day number | New customers per day
-- columns: day date, new_customers integer, per_day double
-- How many new customers the shop wins on an average day of the period: the customers who bought
-- for the first time in it divided by its days, with one bar per day (days without a new customer
-- included).

-- New as in new_customers: first sale ever falls in the period.
with days as (
  select unnest(generate_series(getvariable('period_start')::date, getvariable('period_end')::date, interval 1 day))::date as day
),
firsts as (
  select first_at::date as day, count(*) as new_customers
  from customer_orders
  where order_number = 1
    and first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by all
)
select null::date as day,
       coalesce(sum(f.new_customers), 0)::integer as new_customers,
       (coalesce(sum(f.new_customers), 0) / count(*))::double as per_day
from days d
left join firsts f using (day)
union all
select d.day,
       coalesce(f.new_customers, 0)::integer,
       coalesce(f.new_customers, 0)::double
from days d
left join firsts f using (day)
order by day nulls first
