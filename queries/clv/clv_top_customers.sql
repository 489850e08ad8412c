-- id: clv_top_customers
-- version: 1
-- title: Customers with the highest predicted value
-- needs: clv_predictions(customer_id, frequency, p_alive, expected_purchases, expected_spend, predicted_clv)
-- view: table
-- param: top integer = 25 | How many customers to list
-- input: top 1..1000 customers
-- show: customer_id text | Customer
-- show: repeat_purchases integer | Repeat purchases
-- show: p_alive percent | Chance still a customer
-- show: expected_purchases number | Expected purchases
-- show: expected_spend currency | Expected spend per purchase
-- show: predicted_clv currency | Predicted value
-- columns: customer_id varchar, repeat_purchases integer, p_alive double, expected_purchases double, expected_spend double, predicted_clv double
-- The customers the models expect the most revenue from over the horizon, with the chance that each
-- is still a customer and the purchases and spend per purchase expected of them.

select customer_id,
       frequency::integer as repeat_purchases,
       p_alive,
       expected_purchases,
       expected_spend,
       predicted_clv
from clv_predictions
order by predicted_clv desc, customer_id
limit getvariable('top')
