-- id: cac_by_month
-- version: 2
-- title: Acquisition cost by month
-- needs: customer_orders(order_number, first_at); marketing_spend(day, spend)
-- view: line(month, cac)
-- headline: cac currency
-- better: lower
-- show: month month | Month
-- show: spend currency | Marketing spend
-- show: new_customers integer | New customers
-- show: cac currency | Acquisition cost
-- columns: month date, spend double, new_customers integer, cac double
-- What it cost to win one new customer, month by month: all marketing spend of the month divided by
-- all customers who bought for the first time that month, whatever channel they came from. A month
-- with spend but no new customer shows no cost. Lower is better.

-- Blended CAC. A month with spend and no new customer has no CAC (NULL) rather than an infinite
-- one. Version 2 reads the prepared customer_orders (one row per sale, built once per load) instead
-- of every order line of all history; its answers are version 1's.
with acquired as (
  select date_trunc('month', first_at)::date as month, count(*) as new_customers
  from customer_orders
  where order_number = 1
    and first_at >= getvariable('period_start')
    and first_at < getvariable('period_end') + interval 1 day
  group by all
),
spent as (
  select date_trunc('month', day)::date as month, sum(spend) as spend
  from marketing_spend
  where day between getvariable('period_start') and getvariable('period_end')
  group by all
),
months as (
  select coalesce(s.month, a.month) as month, coalesce(s.spend, 0) as spend, coalesce(a.new_customers, 0) as new_customers
  from spent s
  full join acquired a on a.month = s.month
)
select month,
       sum(spend)::double as spend,
       sum(new_customers)::integer as new_customers,
       (sum(spend) / nullif(sum(new_customers), 0))::double as cac
from months
group by grouping sets ((month), ())
order by month nulls first
