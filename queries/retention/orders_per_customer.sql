-- id: orders_per_customer
-- version: 2
-- title: Orders per active customer
-- needs: customer_orders(order_date, previous_at)
-- view: line(month, orders_per_customer)
-- headline: orders_per_customer number
-- better: higher
-- show: month month | Month
-- show: customers integer | Active customers
-- show: orders integer | Orders
-- show: orders_per_customer number | Orders per customer
-- columns: month date, customers integer, orders integer, orders_per_customer double
-- Orders per customer who bought, month by month and for the period: the orders placed by known
-- customers divided by the number of those customers (a customer who bought in two months counts
-- once in the period). Cancelled orders, free orders and guest checkouts are left out.

-- An order is all lines sharing an order id; cancelled and zero-revenue orders are not orders,
-- guest orders (no customer id) are left out. The distribution is in purchase_frequency. Version 2
-- reads the prepared customer_orders (one row per sale, built once per load) instead of every order
-- line of all history; its answers are version 1's.
with sales as (
  select order_date,
         1 as value,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(*) filter (where first_in_month)::integer as customers,
       count(*)::integer as orders,
       (count(*) / count(*) filter (where first_in_month))::double as orders_per_customer
from sales
group by date_trunc('month', order_date)::date
union all
select null,
       count(*) filter (where first_in_period)::integer,
       count(*)::integer as orders,
       (count(*) / count(*) filter (where first_in_period))::double as orders_per_customer
from sales
order by month nulls first
