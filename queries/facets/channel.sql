-- id: channel
-- version: 2
-- title: Channel
-- needs: orders(customer_id); customer_orders(customer_id, order_number, first_channel); customers(customer_id, channel)
-- view: table
-- show: customer_id text | Customer
-- show: value category | Channel
-- columns: customer_id varchar, value varchar
-- The channel each customer came through: the channel of their first sale, else the customer
-- list's channel, else "unknown". A support ticket's channel (how they wrote in) plays no part.

-- A facet (read by the scope layer over every customer, never a notebook cell). Version 2 finds
-- the customers of the orders in one grouping and joins the list to them in full, where version 1
-- gathered both into a union first, and takes the list's channel as it is (ingestion trims values
-- and reads a blank one as NULL). DuckDB-WASM at 1M orders, the facet kept as a table: 0.23 s
-- against 0.53 s; its answers are version 1's.
with buyers as (
  select customer_id
  from orders
  where customer_id is not null
  group by all
),
-- every customer with a sale is among the buyers
first_sale as (
  select customer_id,
         nullif(first_channel, 'unknown') as channel
  from customer_orders
  where order_number = 1
),
listed as (
  select customer_id,
         max(channel) as channel
  from customers
  where customer_id is not null
  group by all
)
select coalesce(b.customer_id, l.customer_id)::varchar as customer_id,
       coalesce(f.channel, l.channel, 'unknown')::varchar as value
from buyers b
left join first_sale f on f.customer_id = b.customer_id
full join listed l on l.customer_id = b.customer_id
