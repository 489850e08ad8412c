-- id: profit_per_customer
-- version: 3
-- title: Average profit per customer
-- needs: orders(cost); customer_orders(order_date, revenue, refund, cost, previous_at, lines_without_cost); customer_refunds(day, refund)
-- view: line(month, profit_per_customer)
-- headline: profit_per_customer currency
-- better: higher
-- show: month month | Month
-- show: customers integer | Customers
-- show: profit currency | Profit
-- show: profit_per_customer currency | Profit per customer
-- show: lines_without_cost integer | Lines without a cost
-- columns: month date, customers integer, profit double, profit_per_customer double, lines_without_cost integer
-- Profit per customer who bought in the period, by month and for the period: revenue less cost of
-- goods and refunds, divided by those customers. It needs a cost in the orders export: order lines
-- without one are counted, and profit reads too high by what they cost. Cancelled orders and guest
-- checkouts are left out.

-- Refunds are those on the sales and those issued on their own (stand-alone refunds, credit notes),
-- on the day they were issued; a refund issued on its own takes back money, not cost of goods. Sale
-- lines without a cost are counted in lines_without_cost. Version 3 subtracts stand-alone refunds
-- and credit notes, needs a cost column and counts the lines without a cost; version 2 read a
-- missing cost as 0 without saying so.
with sales as (
  select order_date,
         revenue - cost - refund as value,
         lines_without_cost,
         -- the customer's first order in the period's part of its month, and in the period
         previous_at is null or previous_at < greatest(date_trunc('month', order_date), getvariable('period_start')) as first_in_month,
         previous_at is null or previous_at < getvariable('period_start') as first_in_period
  from customer_orders
  where order_date >= getvariable('period_start')
    and order_date < getvariable('period_end') + interval 1 day
  union all
  select day, -refund, 0, false, false
  from customer_refunds
  where day >= getvariable('period_start')
    and day <= getvariable('period_end')
)
select date_trunc('month', order_date)::date as month,
       count(*) filter (where first_in_month)::integer as customers,
       sum(value)::double as profit,
       (sum(value) / nullif(count(*) filter (where first_in_month), 0))::double as profit_per_customer,
       sum(lines_without_cost)::integer as lines_without_cost
from sales
group by date_trunc('month', order_date)::date
union all
select null,
       count(*) filter (where first_in_period)::integer,
       sum(value)::double as profit,
       (sum(value) / nullif(count(*) filter (where first_in_period), 0))::double as profit_per_customer,
       sum(lines_without_cost)::integer
from sales
order by month nulls first
