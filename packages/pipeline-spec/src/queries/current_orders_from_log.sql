-- Current state of every order rebuilt from the whole change log (the latest change per order_id by cdc_sort_key, removed orders left out, duplicate deliveries collapsed): it reads every change ever written, so it costs what the history costs. The witness orders_current is checked against, and the current state while the merge is stale; current_orders reads orders_current instead.
WITH ranked AS (
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
    total,
    created_at,
    updated_at,
    cdc_operation,
    cdc_event_time,
    row_number() OVER (PARTITION BY order_id ORDER BY cdc_sort_key DESC) AS change_rank
  FROM order_changes
)
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
FROM ranked
WHERE change_rank = 1
  AND cdc_operation <> 'remove'
ORDER BY order_id
