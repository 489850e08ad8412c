-- id: new_customers
-- version: 2
-- title: New customers
-- needs: customer_orders(order_number, first_at)
-- view: bar(period, new_customers)
-- headline: new_customers integer
-- better: higher
-- param: grain varchar = month | day, week (starting Monday) or month
-- input: grain one of day, week, month
-- show: period date | Period starting
-- show: new_customers integer | New customers
-- columns: period date, new_customers integer
-- Customers who bought for the first time ever in the period: someone who last bought years ago is
-- not counted again. Guest checkouts, cancelled orders and free trials do not make a customer. One
-- bar per day, week or month, and the period's total.

-- First sale over all history, not only the period; guest orders (no customer id), cancelled orders
-- and zero-revenue trial orders are not sales. `grain` picks the bars. Version 2 reads the prepared
-- customer_orders (built once per load) instead of every order line; its answers are version 1's.
select date_trunc(getvariable('grain'), first_at)::date as period,
       count(*)::integer as new_customers
from customer_orders
where order_number = 1
  and first_at >= getvariable('period_start')
  and first_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc(getvariable('grain'), first_at)::date), ())
order by period nulls first
