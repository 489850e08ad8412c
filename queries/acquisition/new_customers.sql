-- id: new_customers
-- version: 1
-- title: New customers
-- needs: orders(customer_id, order_date, revenue, status)
-- view: bar(month, new_customers)
-- headline: new_customers integer
-- columns: month date, new_customers integer
-- A customer is new in the month of their first sale ever (over all history, not only the
-- period), so someone who last bought years ago is not counted again. Guest orders (no
-- customer id), cancelled orders and zero-revenue trial orders do not make a customer.
with first_sale as (
  select customer_id, min(order_date) as first_at
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
)
select date_trunc('month', first_at)::date as month,
       count(*)::integer as new_customers
from first_sale
where first_at >= getvariable('period_start')
  and first_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc('month', first_at)::date), ())
order by month nulls first
