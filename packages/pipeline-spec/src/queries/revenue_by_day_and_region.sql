-- Revenue per order day, region and currency from the current state of each order; cancelled and removed orders do not count.
WITH ranked AS (
  SELECT
    order_id,
    region,
    currency,
    status,
    total,
    created_at,
    cdc_operation,
    row_number() OVER (PARTITION BY order_id ORDER BY cdc_sort_key DESC) AS change_rank
  FROM order_changes
)
SELECT
  CAST(substr(CAST(created_at AS VARCHAR), 1, 10) AS DATE) AS order_day,
  region,
  currency,
  count(*) AS orders,
  sum(CAST(total AS DECIMAL(18, 2))) AS revenue
FROM ranked
WHERE change_rank = 1
  AND cdc_operation <> 'remove'
  AND status <> 'cancelled'
GROUP BY CAST(substr(CAST(created_at AS VARCHAR), 1, 10) AS DATE), region, currency
ORDER BY order_day, region, currency
