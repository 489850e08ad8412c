-- id: repeat_purchase_rate
-- version: 2
-- title: Repeat purchase rate
-- needs: customer_orders(order_date, order_number)
-- view: line(month, rate)
-- headline: rate percent
-- better: higher
-- show: month month | Month
-- show: orders integer | Orders
-- show: repeat_orders integer | Repeat orders
-- show: rate percent | Repeat purchase rate
-- columns: month date, orders integer, repeat_orders integer, rate double
-- Of the orders known customers placed in the period, the share that were not the customer's first
-- order ever (orders before the period count), by month and for the period. Cancelled orders, free
-- orders and guest checkouts are left out. The share of customers who ordered twice or more is the
-- customer return rate.

-- An order is all lines sharing an order id; cancelled and zero-revenue orders are not orders, and
-- guest orders (no customer id) have nobody to repeat. Two orders at the same moment are told apart
-- by order id. Version 2 reads the prepared customer_orders (one row per sale, built once per load)
-- instead of every order line of all history; its answers are version 1's.
select date_trunc('month', order_date)::date as month,
       count(*)::integer as orders,
       count(*) filter (where order_number > 1)::integer as repeat_orders,
       (count(*) filter (where order_number > 1) / count(*))::double as rate
from customer_orders
where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
