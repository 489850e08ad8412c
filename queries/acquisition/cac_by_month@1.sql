-- id: cac_by_month
-- version: 1
-- title: Acquisition cost by month
-- needs: orders(customer_id, order_date, revenue, status); marketing_spend(day, spend)
-- view: line(month, cac)
-- headline: cac currency
-- columns: month date, spend double, new_customers integer, cac double
-- Blended customer acquisition cost month by month: all marketing spend of the month divided
-- by all customers whose first sale ever fell in it (whatever their channel), and for the
-- whole period. A month with spend and no new customer has no CAC (NULL).
with first_sale as (
  select customer_id, min(order_date) as first_at
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
),
acquired as (
  select date_trunc('month', first_at)::date as month, count(*) as new_customers
  from first_sale
  where first_at >= getvariable('period_start')
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
