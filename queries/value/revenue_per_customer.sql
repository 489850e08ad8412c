-- id: revenue_per_customer
-- version: 3
-- title: Average revenue per customer
-- needs: customer_orders(order_date, revenue, refund, previous_at); customer_refunds(day, refund)
-- view: line(month, revenue_per_customer)
-- headline: revenue_per_customer currency
-- better: higher
-- show: month month | Month
-- show: customers integer | Customers
-- show: revenue currency | Net revenue
-- show: revenue_per_customer currency | Revenue per customer
-- columns: month date, customers integer, revenue double, revenue_per_customer double
-- Net revenue from known customers in the period divided by the customers who bought in it, by
-- month and for the period (a customer buying in two months counts once in the period). Net means
-- sales less refunds, including refunds and credit notes issued on their own, counted on the day
-- they were issued. Guest checkouts are left out.

-- A customer whose only line in the period is such a refund is not one of its customers. Version 3
-- subtracts stand-alone refunds and credit notes (customer_refunds); version 2 did not.
with sales as (
  select order_date,
         revenue - refund as value,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  select day, -refund, false, false
  from customer_refunds
  where day >= getvariable('period_start')
    and day <= getvariable('period_end')
)
select date_trunc('month', order_date)::date as month,
       count(*) filter (where first_in_month)::integer as customers,
       sum(value)::double as revenue,
       (sum(value) / nullif(count(*) filter (where first_in_month), 0))::double as revenue_per_customer
from sales
group by date_trunc('month', order_date)::date
union all
select null,
       count(*) filter (where first_in_period)::integer,
       sum(value)::double as revenue,
       (sum(value) / nullif(count(*) filter (where first_in_period), 0))::double as revenue_per_customer
from sales
order by month nulls first
