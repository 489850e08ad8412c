-- id: product
-- version: 2
-- title: Product bought
-- needs: orders(customer_id, product, revenue, status)
-- view: table
-- show: customer_id text | Customer
-- show: value text | Product
-- columns: customer_id varchar, value varchar
-- The products each customer ever bought (a sale, not cancelled), one row per product. Choosing
-- a product keeps its buyers with all their orders, not only the lines of that product.

-- A facet (read by the scope layer over every customer, never a notebook cell). Ingestion trims
-- values and reads a blank one as NULL (src/worker/ingest/parseSql.ts), so version 2 takes the
-- product as it is, where version 1 trimmed it twice on every order line. DuckDB-WASM at 1M
-- orders, the facet kept as a table: 0.44 s against 1.23 s; its answers are version 1's.
select customer_id::varchar as customer_id,
       product::varchar as value
from orders
where customer_id is not null
  and product is not null
  and revenue > 0
  and coalesce(status, '') <> 'cancelled'
group by all
