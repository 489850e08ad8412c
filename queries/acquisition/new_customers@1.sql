-- id: new_customers
-- version: 1
-- title: New customers
-- needs: orders(customer_id, order_date, revenue, status)
-- view: bar(period, new_customers)
-- headline: new_customers integer
-- param: grain varchar = month | day, week (starting Monday) or month
-- columns: period date, new_customers integer
-- A customer is new on the day of their first sale ever (over all history, not only the
-- period), so someone who last bought years ago is not counted again. Guest orders (no
-- customer id), cancelled orders and zero-revenue trial orders do not make a customer.
-- One bar per day, week or month (`grain`), plus the period's total.
with first_sale as (
  select customer_id, min(order_date) as first_at
  from orders
  where customer_id is not null
    and revenue > 0
    and coalesce(status, '') <> 'cancelled'
  group by all
)
select date_trunc(getvariable('grain'), first_at)::date as period,
       count(*)::integer as new_customers
from first_sale
where first_at >= getvariable('period_start')
  and first_at < getvariable('period_end') + interval 1 day
group by grouping sets ((date_trunc(getvariable('grain'), first_at)::date), ())
order by period nulls first
