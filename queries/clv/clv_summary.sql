-- id: clv_summary
-- version: 3
-- title: Purchase history for lifetime value
-- needs: orders(customer_id, order_date, revenue, refund, status)
-- view: table
-- param: holdout_check boolean = false | false: the history as of the end of the date range, which predictions are made from; true: the history up to the calibration end, with the purchases after it, for the holdout check
-- param: calibration_end date = null | For the holdout check: the last day the models learn from; empty: the last 40% of the days from the first to the last purchase day in the date range are held out
-- param: time_unit_days double = 7 | Length of the time unit of recency and age, in days (7 = weeks)
-- input: time_unit_days 1..30 days
-- show: customer_id text | Customer
-- show: frequency integer | Repeat purchase days
-- show: recency number | Recency (time units)
-- show: age number | Age (time units)
-- show: monetary_value currency | Average repeat purchase
-- show: holdout_purchases integer | Purchase days after calibration
-- show: calibration_end date | Calibration end
-- show: holdout_end date | Holdout end
-- columns: customer_id varchar, frequency integer, recency double, age double, monetary_value double, holdout_purchases integer, calibration_end date, holdout_end date
-- Each customer's purchase history as the lifetime-value models read it, from every purchase up to
-- the end of the date range: how many times they came back, how recently, how long they have been a
-- customer and what a repeat purchase is worth to them.

-- One row per customer, as BG/NBD and Gamma-Gamma read their purchase history: every purchase up to
-- the end of the date range, including those before its start. Purchases are counted by day
-- (several orders on one day are one purchase, worth their net total); every order that is not
-- cancelled counts, zero-value ones too (a free trial box, a free CD: CDNOW has 8), since they are
-- transactions. frequency: repeat purchase days; recency: time from the first to the last of them;
-- age: time from the first purchase to the end of the range; monetary_value: the mean net value of
-- the repeat purchase days (0 without repeats). For the holdout check the same is read up to the
-- calibration end instead, for customers who had bought by then, and holdout_purchases counts their
-- purchase days after it, up to the last purchase day in the range. Net: a refund or credit note
-- issued on its own is no purchase; it counts on the day it was issued, against that day's purchase
-- or, on a day without one, against the repeat purchases' value when it falls after the first
-- purchase day (monetary_value can then be 0 or less, and the spend model leaves it out).
with days as (
  select customer_id,
         order_date::date as day,
         sum(revenue - coalesce(refund, 0)) as value,
         -- a day whose only lines are stand-alone refunds or credit notes is no purchase
         bool_or(revenue > 0 or not coalesce(refund > 0, false)) as purchase
  from orders
  where customer_id is not null
    and revenue >= 0
    and coalesce(status, '') <> 'cancelled'
    and order_date < getvariable('period_end') + interval 1 day
  group by all
),
bounds as (
  select case
           when getvariable('holdout_check') then coalesce(
             getvariable('calibration_end')::date,
             (min(day) filter (where day >= getvariable('period_start'))
               + cast(floor(0.6 * date_diff('day', min(day) filter (where day >= getvariable('period_start')), max(day))) as integer))::date
           )
           else getvariable('period_end')::date
         end as cal_end,
         case when getvariable('holdout_check') then max(day) else getvariable('period_end')::date end as holdout_end
  from days
  where purchase
),
firsts as (
  select customer_id, min(day) as first_day
  from days
  where purchase
  group by all
)
select d.customer_id,
       (count(*) filter (where d.purchase and d.day <= b.cal_end) - 1)::integer as frequency,
       (date_diff('day', f.first_day, max(d.day) filter (where d.purchase and d.day <= b.cal_end)) / getvariable('time_unit_days'))::double as recency,
       (date_diff('day', f.first_day, b.cal_end) / getvariable('time_unit_days'))::double as age,
       coalesce(sum(d.value) filter (where d.day <= b.cal_end and d.day > f.first_day)
         / nullif(count(*) filter (where d.purchase and d.day <= b.cal_end and d.day > f.first_day), 0), 0)::double as monetary_value,
       count(*) filter (where d.purchase and d.day > b.cal_end and d.day <= b.holdout_end)::integer as holdout_purchases,
       b.cal_end as calibration_end,
       b.holdout_end
from days d
join firsts f using (customer_id)
cross join bounds b
where f.first_day <= b.cal_end
group by d.customer_id, f.first_day, b.cal_end, b.holdout_end
order by d.customer_id
