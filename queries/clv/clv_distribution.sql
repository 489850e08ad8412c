-- id: clv_distribution
-- version: 1
-- title: Predicted lifetime value
-- needs: clv_predictions(customer_id, predicted_clv, expected_purchases, p_alive)
-- view: bar(clv_band, customers)
-- headline: total_clv currency
-- better: higher
-- show: clv_band currency | Predicted value from
-- show: customers integer | Customers
-- show: total_clv currency | Predicted revenue
-- show: average_clv currency | Average predicted value
-- columns: clv_band double, customers integer, total_clv double, average_clv double
-- What each customer is predicted to spend over the horizon, counted in bands of 25 (the last band
-- holds everything from 500 up). The headline is the predicted revenue from all of them.

-- Predicted value: BG/NBD expected purchases times Gamma-Gamma expected spend, discounted monthly.
-- clv_band is the band's lower bound; 500 holds everything above.
select least(floor(predicted_clv / 25) * 25, 500)::double as clv_band,
       count(*)::integer as customers,
       sum(predicted_clv)::double as total_clv,
       avg(predicted_clv)::double as average_clv
from clv_predictions
group by grouping sets ((least(floor(predicted_clv / 25) * 25, 500)), ())
order by clv_band nulls first
