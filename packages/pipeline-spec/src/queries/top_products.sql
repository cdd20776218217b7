-- Top 10 products by units sold in current, not cancelled orders (orders_current), with their revenue per currency.
SELECT
  item.sku AS sku,
  item.product_name AS product_name,
  item.category AS category,
  currency,
  sum(CAST(item.quantity AS BIGINT)) AS units,
  sum(CAST(item.line_total AS DECIMAL(18, 2))) AS revenue,
  count(DISTINCT order_id) AS orders
FROM orders_current
CROSS JOIN UNNEST(line_items) AS t(item)
WHERE status <> 'cancelled'
GROUP BY item.sku, item.product_name, item.category, currency
ORDER BY units DESC, revenue DESC, sku
LIMIT 10
