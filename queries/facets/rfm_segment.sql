-- id: rfm_segment
-- version: 1
-- title: RFM segment
-- needs: customer_facts(customer_id, rfm_segment)
-- view: table
-- show: customer_id text | Customer
-- show: value category | RFM segment
-- columns: customer_id varchar, value varchar
-- Each customer's RFM segment for the date range, scored among the customers the other facets
-- leave (At risk among French customers), as the RFM map shows them under those facets.

-- A facet (read by the scope layer, never a notebook cell). `customer_facts` is the customer
-- facts module's answer that the scope layer keeps for the scope before this facet applies.
select customer_id::varchar as customer_id,
       rfm_segment::varchar as value
from customer_facts
where rfm_segment is not null
