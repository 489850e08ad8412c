-- id: customer_identity
-- version: 2
-- title: Who each customer is
-- needs: customers(customer_id, name, email, country, city); orders(customer_id, order_date, country, city)
-- uses: customer_places@1
-- view: table
-- show: customer_id text | Customer ID
-- show: name text | Name
-- show: email text | E-mail
-- show: country text | Country
-- show: city text | City
-- columns: customer_id varchar, name varchar, email varchar, country varchar, city varchar
-- Every customer with an order up to the period's end: name, e-mail, country and city from the
-- customer list, else from their latest order's billing address, else unknown.

-- The one definition of a customer's identity (customer_facts and the customer report use it).
-- The customer list is matched on the id with case and surrounding spaces ignored ("  ab12 " in the
-- list is customer AB12 of the orders; customer_id_matches counts those); when several of its rows
-- fall on one id, the first by its own id gives each field. Country and city: the list's, else the
-- most recent non-empty one on the customer's order lines up to the period's end, else 'unknown'
-- (never NULL: a customer without one is still listed and counted).
-- Version 2 reads customer_places, which holds all of that over all history and which the explorer
-- keeps once per load: a customer none of whose orders after the period's end names a country or a
-- city has the same latest one as of the end as over all history, so only the others' order lines
-- are read again. Version 1 read every order line up to the end at each new end. DuckDB-WASM at 1M
-- orders, the places kept, a range ending one to three weeks before the last order: 0.25-0.43 s
-- against 0.86-1.2 s (test/bench/explorerBench.ts); its answers are version 1's.
with places as (
  select *
  from customer_places
  where first_at < getvariable('period_end') + interval 1 day
),
-- an order after the end names a place: the billing address as of the end is worked out again
moved as (
  select customer_id,
         arg_max(country, order_date) filter (where country is not null) as country,
         arg_max(city, order_date) filter (where city is not null) as city
  from orders
  where order_date < getvariable('period_end') + interval 1 day
    and customer_id in (
      select customer_id
      from places
      where placed_until >= getvariable('period_end') + interval 1 day
    )
  group by all
)
select p.customer_id::varchar as customer_id,
       p.name::varchar as name,
       p.email::varchar as email,
       coalesce(p.listed_country, case when m.customer_id is null then p.billed_country else m.country end, 'unknown')::varchar as country,
       coalesce(p.listed_city, case when m.customer_id is null then p.billed_city else m.city end, 'unknown')::varchar as city
from places p
left join moved m on m.customer_id = p.customer_id
