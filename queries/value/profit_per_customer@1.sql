-- id: profit_per_customer
-- version: 1
-- title: Average profit per customer
-- needs: orders(customer_id, order_date, revenue, cost, refund, status)
-- view: line(month, profit_per_customer)
-- headline: profit_per_customer currency
-- columns: month date, customers integer, profit double, profit_per_customer double
-- Revenue - cost of goods - refunds of identified customers' sales in the period, divided by
-- the customers who bought. A line without a cost counts as cost 0 (so profit reads high
-- when costs are missing). Cancelled orders are left out; guest orders too.
with sales as (
  select customer_id, order_date, revenue - coalesce(cost, 0) - coalesce(refund, 0) as profit
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(distinct customer_id)::integer as customers,
       sum(profit)::double as profit,
       (sum(profit) / count(distinct customer_id))::double as profit_per_customer
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
