-- Top 10 products by units sold in current, not cancelled orders, with their revenue per currency.
WITH ranked AS (
  SELECT
    order_id,
    currency,
    status,
    line_items,
    cdc_operation,
    row_number() OVER (PARTITION BY order_id ORDER BY cdc_sort_key DESC) AS change_rank
  FROM order_changes
),
current_orders AS (
  SELECT order_id, currency, line_items
  FROM ranked
  WHERE change_rank = 1
    AND cdc_operation <> 'remove'
    AND status <> 'cancelled'
)
SELECT
  item.sku AS sku,
  item.product_name AS product_name,
  item.category AS category,
  currency,
  sum(CAST(item.quantity AS BIGINT)) AS units,
  sum(CAST(item.line_total AS DECIMAL(18, 2))) AS revenue,
  count(DISTINCT order_id) AS orders
FROM current_orders
CROSS JOIN UNNEST(line_items) AS t(item)
GROUP BY item.sku, item.product_name, item.category, currency
ORDER BY units DESC, revenue DESC, sku
LIMIT 10
