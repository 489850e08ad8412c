-- id: customer_report_products
-- version: 1
-- title: Products the customer bought
-- needs: orders(customer_id, order_id, order_date, revenue, refund, status, product, quantity)
-- view: hbar(product, revenue)
-- param: customer_id varchar = null | The customer
-- show: product text | Product
-- show: orders integer | Orders
-- show: quantity quantity | Quantity
-- show: revenue currency | Revenue
-- show: last_bought date | Last bought
-- columns: product varchar, orders integer, quantity double, revenue double, last_bought timestamp
-- The products on the customer's sales up to the period's end: orders, quantity, net revenue and
-- when last bought, the biggest first.

-- Sale lines as customer_orders counts them (revenue > 0, not cancelled); a line with no product
-- reads 'unknown'; quantity NULL where the export had none.
select coalesce(nullif(trim(product), ''), 'unknown')::varchar as product,
       count(distinct order_id)::integer as orders,
       sum(quantity)::double as quantity,
       sum(revenue - coalesce(refund, 0))::double as revenue,
       max(order_date)::timestamp as last_bought
from orders
where customer_id = getvariable('customer_id')
  and revenue > 0
  and coalesce(status, '') <> 'cancelled'
  and order_date < getvariable('period_end') + interval 1 day
group by all
order by revenue desc, product
