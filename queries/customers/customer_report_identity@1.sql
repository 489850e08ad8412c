-- id: customer_report_identity
-- version: 1
-- title: Customer
-- needs: customers(customer_id, name, email, country, city); orders(customer_id, order_date, country, city); customer_orders(customer_id, order_date, first_at, first_channel)
-- uses: customer_identity@1
-- view: table
-- param: customer_id varchar = null | The customer
-- show: customer_id text | Customer ID
-- show: name text | Name
-- show: email text | E-mail
-- show: country text | Country
-- show: city text | City
-- show: customer_since date | Customer since
-- show: first_channel category | First channel
-- columns: customer_id varchar, name varchar, email varchar, country varchar, city varchar, customer_since timestamp, first_channel varchar
-- Who the customer is: name, e-mail, country and city, when they first bought and through which
-- channel.

-- No row when the customer had no order up to the period's end. customer_since is their first sale.
select i.customer_id::varchar as customer_id,
       i.name::varchar as name,
       i.email::varchar as email,
       i.country::varchar as country,
       i.city::varchar as city,
       f.first_at::timestamp as customer_since,
       f.first_channel::varchar as first_channel
from customer_identity i
left join (
  select customer_id, min(first_at) as first_at, min(first_channel) as first_channel
  from customer_orders
  where customer_id = getvariable('customer_id')
  group by all
) f using (customer_id)
where i.customer_id = getvariable('customer_id')
