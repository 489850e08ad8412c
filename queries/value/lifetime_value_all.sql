-- id: lifetime_value_all
-- version: 1
-- title: Average lifetime value, all customers
-- needs: customer_orders(customer_id, order_date, revenue, refund)
-- view: metric
-- headline: average_ltv currency
-- better: higher
-- show: customers integer | Customers
-- show: average_ltv currency | Average lifetime value
-- columns: customers integer, average_ltv double
-- What a customer has been worth so far, over every customer who had bought by the end of the
-- period, whenever they first bought: their net revenue (sales less refunds) up to the end of the
-- period, averaged. Historical lifetime value gives the same for the customers won in the period
-- only.

with per_customer as (
  select customer_id, sum(revenue - refund) as ltv
  from customer_orders
  where order_date < getvariable('period_end') + interval 1 day
  group by all
)
select count(*)::integer as customers,
       avg(ltv)::double as average_ltv
from per_customer
