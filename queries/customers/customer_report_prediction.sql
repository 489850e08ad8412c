-- id: customer_report_prediction
-- version: 1
-- title: Customer's predicted value
-- needs: clv_predictions(customer_id, p_alive, expected_purchases, predicted_clv)
-- view: table
-- param: customer_id varchar = null | The customer
-- show: p_alive percent | Chance still a customer
-- show: expected_purchases number | Expected purchases
-- show: predicted_value currency | Predicted value
-- columns: p_alive double, expected_purchases double, predicted_value double
-- The lifetime-value model's view of the customer, as of the period's end: the chance they are
-- still a customer, the purchases expected of them and their predicted value over the horizon.

-- No row until the model is fitted, or when it has no prediction for the customer.
select p_alive::double as p_alive,
       expected_purchases::double as expected_purchases,
       predicted_clv::double as predicted_value
from clv_predictions
where customer_id = getvariable('customer_id')
