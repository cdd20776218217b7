/**
 * The `--publish-metric` datum: DRIFT_METRIC's contract, the unrepaired drift as its value, nothing for a stopped run.
 */
import { DRIFT_METRIC } from '@sales/pipeline-spec';
import type { Drift } from '../../src/reconcile/drift.js';
import { driftMetricInput, unrepairedDriftKeys } from '../../src/reconcile/drift-metric-datum.js';

const drift: Drift[] = [
  { order_id: 'o-1', kind: 'missing_in_lake', columns: [] },
  { order_id: 'o-2', kind: 'value_mismatch', columns: ['status'] },
];

describe('the drift metric datum', () => {
  test.each([
    ['no drift', [], null, 0],
    ['drift not repaired', drift, null, 2],
    ['drift repaired', drift, { key: 'sales/…/snapshot-reconcile-orders-1.json.gz', rows: 2 }, 0],
  ] as const)('%s -> DriftKeys %d', (_, found, repair, value) => {
    const input = driftMetricInput({ table: 'sales-dev-orders', drift: [...found], repair, complete: true });

    expect(unrepairedDriftKeys({ drift: [...found], repair })).toBe(value);
    expect(input).toEqual({
      Namespace: DRIFT_METRIC.namespace,
      MetricData: [
        {
          MetricName: DRIFT_METRIC.metricName,
          Dimensions: [{ Name: DRIFT_METRIC.dimensionName, Value: 'sales-dev-orders' }],
          Unit: DRIFT_METRIC.unit,
          Value: value,
        },
      ],
    });
  });

  test('a run that did not finish has no datum', () => {
    expect(() => driftMetricInput({ table: 'sales-dev-orders', drift: [], repair: null, complete: false })).toThrow(
      /an interrupted reconcile publishes no drift metric/,
    );
  });
});
