-- id: orders_per_customer
-- version: 2
-- title: Orders per active customer
-- needs: customer_orders(customer_id, order_date)
-- view: line(month, orders_per_customer)
-- headline: orders_per_customer number
-- columns: month date, customers integer, orders integer, orders_per_customer double
-- Orders placed by identified customers divided by the customers who placed them (the
-- active customers), by month and for the period; a customer who bought in two months counts
-- once in the period. An order is all lines sharing an order id; cancelled and zero-revenue
-- orders are not orders, and guest orders are left out. The distribution is in purchase
-- frequency.
-- Version 2 reads the prepared customer_orders (one row per sale, built once per
-- load) instead of every order line of all history; its answers are version 1's.
with sales as (
  select customer_id, order_date
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(distinct customer_id)::integer as customers,
       count(*)::integer as orders,
       (count(*) / count(distinct customer_id))::double as orders_per_customer
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
