-- id: product
-- version: 1
-- title: Product bought
-- needs: orders(customer_id, product, revenue, status)
-- view: table
-- show: customer_id text | Customer
-- show: value text | Product
-- columns: customer_id varchar, value varchar
-- The products each customer ever bought (a sale, not cancelled), one row per product. Choosing
-- a product keeps its buyers with all their orders, not only the lines of that product.

-- A facet (read by the scope layer over every customer, never a notebook cell).
select customer_id::varchar as customer_id,
       trim(product)::varchar as value
from orders
where customer_id is not null
  and nullif(trim(product), '') is not null
  and revenue > 0
  and coalesce(status, '') <> 'cancelled'
group by all
