-- id: revenue_per_customer
-- version: 1
-- title: Average revenue per customer
-- needs: orders(customer_id, order_date, revenue, refund, status)
-- view: line(month, revenue_per_customer)
-- headline: revenue_per_customer currency
-- columns: month date, customers integer, revenue double, revenue_per_customer double
-- Net revenue (revenue - refunds) from identified customers in the period divided by the
-- number of customers who bought in it, by month and for the period (a customer buying in
-- two months counts once in the period). Guest orders are left out.
with sales as (
  select customer_id, order_date, revenue - coalesce(refund, 0) as net
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
    and order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
)
select date_trunc('month', order_date)::date as month,
       count(distinct customer_id)::integer as customers,
       sum(net)::double as revenue,
       (sum(net) / count(distinct customer_id))::double as revenue_per_customer
from sales
group by grouping sets ((date_trunc('month', order_date)::date), ())
order by month nulls first
