-- Current state of every order from orders_current, the table the merge keeps with one row per live order: it reads what the live orders cost, not the history. current_orders_from_log rebuilds the same from the change log.
SELECT
  order_id,
  status,
  customer_id,
  customer_name,
  customer_city,
  customer_country,
  region,
  channel,
  currency,
  item_count,
  CAST(total AS DECIMAL(18, 2)) AS total,
  created_at,
  updated_at,
  cdc_event_time AS last_change_time
FROM orders_current
ORDER BY order_id
