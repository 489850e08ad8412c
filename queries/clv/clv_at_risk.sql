-- id: clv_at_risk
-- version: 1
-- title: At risk, high value
-- needs: clv_predictions(customer_id, frequency, monetary_value, p_alive, predicted_clv)
-- view: table
-- param: max_p_alive double = 0.5 | Below this probability of still being a customer, a customer is at risk
-- input: max_p_alive 0.01..0.99 percent
-- param: top integer = 25 | How many customers to list
-- input: top 1..1000 customers
-- show: customer_id text | Customer
-- show: repeat_purchases integer | Repeat purchases
-- show: past_value currency | Value so far
-- show: p_alive percent | Chance still a customer
-- show: predicted_clv currency | Predicted value
-- columns: customer_id varchar, repeat_purchases integer, past_value double, p_alive double, predicted_clv double
-- Repeat customers who have been worth the most so far but whom the model now thinks have probably
-- stopped buying (their chance of still being a customer is below the threshold you set). The
-- customers a win-back campaign should contact first.

-- Worth so far: repeat purchases times their mean repeat spend (frequency * monetary_value). At
-- risk: P(alive) below `max_p_alive`.
select customer_id,
       frequency::integer as repeat_purchases,
       (frequency * monetary_value)::double as past_value,
       p_alive,
       predicted_clv
from clv_predictions
where frequency > 0
  and p_alive < getvariable('max_p_alive')
order by past_value desc, customer_id
limit getvariable('top')
