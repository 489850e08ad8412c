-- id: country
-- version: 1
-- title: Country
-- needs: orders(customer_id, order_date, country); customers(customer_id, country)
-- view: table
-- show: customer_id text | Customer
-- show: value text | Country
-- columns: customer_id varchar, value varchar
-- Each customer's country: the customer list's, else the billing country of their latest order that
-- names one, else "unknown". Every customer of the orders or the customer list has one.

-- A facet (read by the scope layer over every customer, never a notebook cell). The scope layer
-- always provides `customers`, empty when no customer list was loaded.
with listed as (
  select customer_id,
         max(nullif(trim(country), '')) as country
  from customers
  where customer_id is not null
  group by all
),
billed as (
  select customer_id,
         arg_max(nullif(trim(country), ''), order_date) as country
  from orders
  where customer_id is not null
    and nullif(trim(country), '') is not null
  group by all
),
everyone as (
  select customer_id from orders where customer_id is not null
  union
  select customer_id from listed
)
select e.customer_id::varchar as customer_id,
       coalesce(l.country, b.country, 'unknown')::varchar as value
from everyone e
left join listed l on l.customer_id = e.customer_id
left join billed b on b.customer_id = e.customer_id
