-- id: customer_id_matches
-- version: 1
-- title: Customer list ids matched to the orders
-- needs: customers(customer_id); orders(customer_id)
-- view: metric
-- show: listed integer | Customers listed
-- show: matched_loosely integer | Matched with case or spaces ignored
-- show: without_orders integer | Without orders
-- columns: listed integer, matched_loosely integer, without_orders integer
-- How the customer list's ids meet the orders' ids: the ids listed, those that match an order's
-- customer only once case and surrounding spaces are ignored, and those that match none.

-- Ids compared as customer_facts compares them: lower(trim(id)).
with listed as (
  select distinct customer_id from customers where customer_id is not null
),
ordered as (
  select distinct customer_id from orders where customer_id is not null
),
loose as (
  select distinct lower(trim(customer_id)) as id_key from ordered
)
select count(*)::integer as listed,
       count(*) filter (where not exists (select 1 from ordered o where o.customer_id = l.customer_id)
                          and exists (select 1 from loose k where k.id_key = lower(trim(l.customer_id))))::integer as matched_loosely,
       count(*) filter (where not exists (select 1 from loose k where k.id_key = lower(trim(l.customer_id))))::integer as without_orders
from listed l
