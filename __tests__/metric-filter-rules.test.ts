import 'cdktf/lib/testing/adapters/jest';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { Testing } from 'cdktf';
import { loadConfig } from '@sales/pipeline-spec';
import {
  MAX_METRIC_FILTER_DIMENSIONS,
  metricFilterDimensionViolations,
} from '../constructs/security/metric-filter-rules';
import { PipelineStack } from '../constructs/stack/pipeline-stack';
import { createRejectedValuesFilter } from '../constructs/observability/rejected-values-filter';
import { FIXTURE_BUNDLE } from './helpers/pipeline';
import { synthChecked } from './helpers/synth-checked';
import { testApp } from './helpers/test-app';

// CloudWatch Logs checks a metric filter's dimensions when Terraform applies; the provider schema (a plain map of
// strings) lets `terraform validate` pass, so the policy aspect must refuse these at synth.

const transformation = (extra: Record<string, unknown>) => ({
  metric_transformation: {
    name: 'RejectedValues',
    namespace: 'SalesPipeline/Transform',
    value: '$.rejectedValues',
    ...extra,
  },
});

describe('metricFilterDimensionViolations', () => {
  test.each([
    ['no dimensions', {}],
    ['no dimensions with a default value', { default_value: '0' }],
    ['one JSON field', { dimensions: { FunctionName: '$.functionName' } }],
    ['three fields, JSON and space-delimited', { dimensions: { A: '$.a', B: '$.b.c', C: '$status' } }],
  ])('accepts %s', (_, extra) => {
    expect(metricFilterDimensionViolations(transformation(extra))).toEqual([]);
  });

  test.each([
    [
      'four dimensions',
      { dimensions: { A: '$.a', B: '$.b', C: '$.c', D: '$.d' } },
      `metric filter must have at most ${MAX_METRIC_FILTER_DIMENSIONS} dimensions, received 4 (A, B, C, D;`,
    ],
    [
      'a default value next to dimensions',
      { dimensions: { FunctionName: '$.functionName' }, default_value: '0' },
      'metric filter has dimensions and default_value 0; CloudWatch accepts one or the other',
    ],
    [
      'a literal instead of a field',
      { dimensions: { FunctionName: 'sales-dev-transform' } },
      'metric filter dimension FunctionName must name a field of the log event ($.field or $field), received "sales-dev-transform"',
    ],
    [
      'a name starting with a colon',
      { dimensions: { ':Function': '$.functionName' } },
      'metric filter dimension name must be ASCII, not blank and not start with ":", received ":Function"',
    ],
    [
      'a non-ASCII name',
      { dimensions: { Función: '$.functionName' } },
      'metric filter dimension name must be ASCII, not blank and not start with ":", received "Función"',
    ],
  ])('refuses %s', (_, extra, message) => {
    const violations = metricFilterDimensionViolations(transformation(extra));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(message);
    expect(violations[0]).toMatch(/\(.*see https:\/\/[^)]+\)$/);
  });
});

describe('the policy aspect checks metric filters', () => {
  test('fails the synth on a filter CloudWatch would refuse, naming the construct', () => {
    expect(() =>
      synthChecked(
        (stack) =>
          new CloudwatchLogMetricFilter(stack, 'Filter', {
            name: 'bad',
            logGroupName: '/aws/lambda/fn',
            pattern: '{ $.rejectedValues > 0 }',
            metricTransformation: {
              name: 'RejectedValues',
              namespace: 'SalesPipeline/Transform',
              value: '$.rejectedValues',
              defaultValue: '0',
              dimensions: { FunctionName: '$.functionName' },
            },
          }),
      ),
    ).toThrow(/\[checked\/Filter\] metric filter has dimensions and default_value 0/);
  });

  test('passes the RejectedValues filter and both stacks', () => {
    expect(() =>
      synthChecked((stack) =>
        createRejectedValuesFilter(stack, 'RejectedValues', 'sales-dev-transform', '/aws/lambda/x'),
      ),
    ).not.toThrow();
    for (const environment of ['dev', 'prod'] as const) {
      const stack = new PipelineStack(testApp(), environment, {
        config: loadConfig(environment, {}),
        bundle: FIXTURE_BUNDLE,
      });
      expect(() => Testing.synth(stack, true)).not.toThrow();
    }
  });
});
