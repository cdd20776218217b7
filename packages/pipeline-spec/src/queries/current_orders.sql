-- Current state of every order, rebuilt from its change rows: the latest change per order_id by cdc_sort_key; removed orders are left out and duplicate deliveries collapse to one row.
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
