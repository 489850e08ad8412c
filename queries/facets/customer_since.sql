-- id: customer_since
-- version: 1
-- title: Customer since
-- needs: customer_orders(customer_id, order_number, first_at)
-- view: table
-- show: customer_id text | Customer
-- show: value text | First bought in
-- columns: customer_id varchar, value varchar
-- The year of each customer's first sale, whatever the date range. Customers who never bought
-- have none.

-- A facet (read by the scope layer over every customer, never a notebook cell).
select customer_id::varchar as customer_id,
       strftime(first_at, '%Y')::varchar as value
from customer_orders
where order_number = 1
