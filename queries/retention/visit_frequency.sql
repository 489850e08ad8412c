-- id: visit_frequency
-- version: 1
-- title: Visits per active customer per month
-- needs: visits(customer_id, visited_at)
-- view: line(month, visits_per_customer)
-- headline: visits_per_customer number
-- better: higher
-- show: month month | Month
-- show: customers integer | Visiting customers
-- show: visits integer | Visit days
-- show: visits_per_customer number | Visits per customer
-- columns: month date, customers integer, visits integer, visits_per_customer double
-- How often known customers came back to the site, per month: the days on which they visited
-- divided by the customers who visited. Several visits on one day count once; visitors who are not
-- known customers are left out.

-- A visit is a day on the site: the day-level exports of Matomo and Google Analytics cannot tell
-- sessions apart. The period's figure is its visit days over its customer-months (its `customers`
-- counts a customer once per month they visited), so every month weighs by its active customers.
with visit_days as (
  select distinct customer_id, visited_at::date as day
  from visits
  where customer_id is not null
    and visited_at >= getvariable('period_start')
    and visited_at < getvariable('period_end') + interval 1 day
),
monthly as (
  select date_trunc('month', day)::date as month,
         count(distinct customer_id) as customers,
         count(*) as visits
  from visit_days
  group by all
)
select null::date as month,
       sum(customers)::integer as customers,
       sum(visits)::integer as visits,
       (sum(visits) / sum(customers))::double as visits_per_customer
from monthly
union all
select month, customers::integer, visits::integer, (visits / customers)::double
from monthly
order by month nulls first
