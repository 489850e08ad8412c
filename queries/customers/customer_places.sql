-- id: customer_places
-- version: 1
-- title: Who each customer is, over all their orders
-- needs: customers(customer_id, name, email, country, city); orders(customer_id, order_date, country, city)
-- view: table
-- show: customer_id text | Customer ID
-- show: name text | Name
-- show: email text | E-mail
-- show: listed_country text | Country on the customer list
-- show: listed_city text | City on the customer list
-- show: billed_country text | Latest billing country
-- show: billed_city text | Latest billing city
-- show: first_at date | First order
-- show: placed_until date | Last order naming a country or city
-- columns: customer_id varchar, name varchar, email varchar, listed_country varchar, listed_city varchar, billed_country varchar, billed_city varchar, first_at timestamp, placed_until timestamp
-- Every customer with an order: name, e-mail, country and city from the customer list, the
-- country and city of their latest order that names one, their first order, and the last order
-- that names a country or a city.

-- What customer_identity needs that does not depend on the dates, over all history: the explorer
-- keeps it once per load, and customer_identity works out each customer's billing address as of
-- the period's end again only when an order after the end names a place (placed_until).
-- The customer list is matched on the id with case ignored ("ab12" in the list is customer AB12 of
-- the orders; ingestion trims ids, so surrounding spaces are gone); when several of its rows fall
-- on one id, the first by its own id gives each field. Ingestion trims values and reads a blank one
-- as NULL (src/worker/ingest/parseSql.ts), so values are taken as they are.
with listed as (
  select lower(customer_id) as id_key,
         arg_min(name, customer_id) filter (where name is not null) as name,
         arg_min(email, customer_id) filter (where email is not null) as email,
         arg_min(country, customer_id) filter (where country is not null) as country,
         arg_min(city, customer_id) filter (where city is not null) as city
  from customers
  where customer_id is not null
  group by all
),
billed as (
  select customer_id,
         min(order_date) as first_at,
         max(order_date) filter (where country is not null or city is not null) as placed_until,
         arg_max(country, order_date) filter (where country is not null) as country,
         arg_max(city, order_date) filter (where city is not null) as city
  from orders
  where customer_id is not null
    and order_date is not null
  group by all
)
select b.customer_id::varchar as customer_id,
       l.name::varchar as name,
       l.email::varchar as email,
       l.country::varchar as listed_country,
       l.city::varchar as listed_city,
       b.country::varchar as billed_country,
       b.city::varchar as billed_city,
       b.first_at::timestamp as first_at,
       b.placed_until::timestamp as placed_until
from billed b
left join listed l on l.id_key = lower(b.customer_id)
