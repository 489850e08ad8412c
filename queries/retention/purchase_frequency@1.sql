-- id: purchase_frequency
-- version: 1
-- title: Purchase frequency
-- needs: orders(customer_id, order_id, order_date, revenue, status)
-- view: bar(orders_per_customer, customers)
-- headline: orders_per_customer_avg number
-- columns: orders_per_customer integer, customers integer, orders_per_customer_avg double, median_days_between double
-- Orders per customer who bought in the period (the distribution, 10 meaning 10 or more,
-- and its mean), and the median number of days between one order and the customer's next,
-- over consecutive orders that both fall in the period.
with sales as (
  select customer_id, order_id, min(order_date) as order_date
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  group by all
),
gaps as (
  select date_diff('day', lag(order_date) over (partition by customer_id order by order_date, order_id), order_date) as days
  from sales
),
per_customer as (
  select customer_id, count(*) as orders
  from sales
  group by all
)
select least(orders, 10)::integer as orders_per_customer,
       count(*)::integer as customers,
       avg(orders)::double as orders_per_customer_avg,
       case when grouping(least(orders, 10)) = 1 then (select median(days) from gaps) end::double as median_days_between
from per_customer
group by grouping sets ((least(orders, 10)), ())
order by orders_per_customer nulls first
