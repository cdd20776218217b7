-- Revenue per order day, region and currency from the current state of each order (orders_current); cancelled orders do not count, removed ones are not there.
SELECT
  CAST(substr(CAST(created_at AS VARCHAR), 1, 10) AS DATE) AS order_day,
  region,
  currency,
  count(*) AS orders,
  sum(CAST(total AS DECIMAL(18, 2))) AS revenue
FROM orders_current
WHERE status <> 'cancelled'
GROUP BY CAST(substr(CAST(created_at AS VARCHAR), 1, 10) AS DATE), region, currency
ORDER BY order_day, region, currency
