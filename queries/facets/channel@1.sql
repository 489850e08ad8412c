-- id: channel
-- version: 1
-- title: Channel
-- needs: orders(customer_id); customer_orders(customer_id, order_number, first_channel); customers(customer_id, channel)
-- view: table
-- show: customer_id text | Customer
-- show: value category | Channel
-- columns: customer_id varchar, value varchar
-- The channel each customer came through: the channel of their first sale, else the customer
-- list's channel, else "unknown". A support ticket's channel (how they wrote in) plays no part.

-- A facet (read by the scope layer over every customer, never a notebook cell).
with first_sale as (
  select customer_id,
         nullif(first_channel, 'unknown') as channel
  from customer_orders
  where order_number = 1
),
listed as (
  select customer_id,
         max(nullif(trim(channel), '')) as channel
  from customers
  where customer_id is not null
  group by all
),
everyone as (
  select customer_id from orders where customer_id is not null
  union
  select customer_id from listed
)
select e.customer_id::varchar as customer_id,
       coalesce(f.channel, l.channel, 'unknown')::varchar as value
from everyone e
left join first_sale f on f.customer_id = e.customer_id
left join listed l on l.customer_id = e.customer_id
