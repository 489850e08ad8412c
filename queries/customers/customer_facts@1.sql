-- id: customer_facts
-- version: 1
-- title: Customers
-- needs: customers(customer_id, name, email, country, city); orders(customer_id, order_date, country, city); customer_orders(customer_id, order_date, revenue, refund, cost, lines_without_cost, first_at); customer_refunds(customer_id, day, refund); clv_predictions(customer_id, p_alive, predicted_clv)
-- uses: customer_identity@1, customer_rfm@1
-- view: table
-- show: customer_id text | Customer ID
-- show: name text | Name
-- show: email text | E-mail
-- show: country text | Country
-- show: city text | City
-- show: first_order date | First order
-- show: last_order date | Last order
-- show: orders integer | Orders
-- show: revenue currency | Revenue
-- show: sales currency | Total sales
-- show: refunds currency | Refunds
-- show: profit currency | Profit
-- show: recency_days integer | Days since last order
-- show: frequency integer | Frequency
-- show: monetary currency | Monetary
-- show: r integer | R score
-- show: f integer | F score
-- show: m integer | M score
-- show: fm integer | FM score
-- show: rfm_segment text | RFM segment
-- show: p_alive percent | Chance still a customer
-- show: predicted_value currency | Predicted value
-- columns: customer_id varchar, name varchar, email varchar, country varchar, city varchar, first_order timestamp, last_order timestamp, orders integer, revenue double, sales double, refunds double, profit double, recency_days integer, frequency integer, monetary double, r integer, f integer, m integer, fm integer, rfm_segment varchar, p_alive double, predicted_value double
-- Every customer with a sale in the period, as of its end: name, e-mail, country and city from the
-- customer list, else from their latest order's billing address; their first order ever and last
-- order; orders, total sales, refunds and net revenue in the period; profit where costs are known;
-- RFM scores and segment; and, once the lifetime-value model is fitted, the chance they are still a
-- customer and their predicted value.

-- One row per customer of customer_rfm (money and RFM), with customer_identity (who they are, the
-- customer list matched on ids with case and spaces ignored). P(alive) and predicted value are NULL
-- until the fit has written clv_predictions (the explorer creates it empty before).
select f.customer_id::varchar as customer_id,
       i.name::varchar as name,
       i.email::varchar as email,
       coalesce(i.country, 'unknown')::varchar as country,
       coalesce(i.city, 'unknown')::varchar as city,
       f.first_order::timestamp as first_order,
       f.last_order::timestamp as last_order,
       f.orders::integer as orders,
       f.revenue::double as revenue,
       f.sales::double as sales,
       f.refunds::double as refunds,
       f.profit::double as profit,
       f.recency_days::integer as recency_days,
       f.frequency::integer as frequency,
       f.monetary::double as monetary,
       f.r::integer as r,
       f.f::integer as f,
       f.m::integer as m,
       f.fm::integer as fm,
       f.rfm_segment::varchar as rfm_segment,
       p.p_alive::double as p_alive,
       p.predicted_clv::double as predicted_value
from customer_rfm f
left join customer_identity i on i.customer_id = f.customer_id
left join clv_predictions p on p.customer_id = f.customer_id
