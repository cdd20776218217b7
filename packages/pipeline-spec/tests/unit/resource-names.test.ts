import { loadConfig, resourceNames } from '@sales/pipeline-spec';

describe('resourceNames', () => {
  test.each([
    ['dev', {}, 'sales-dev'],
    ['prod', {}, 'sales-prod'],
    ['dev', { SALES_NAME_PREFIX: 'acme' }, 'acme-dev'],
  ] as const)('names the %s pipeline from %p after %s', (environment, vars, baseName) => {
    expect(resourceNames(loadConfig(environment, vars))).toEqual({
      baseName,
      tableName: `${baseName}-orders`,
      streamName: `${baseName}-changes`,
      deliveryStreamName: `${baseName}-lake`,
      recentDeliveryStreamName: `${baseName}-recent`,
      functionName: `${baseName}-transform`,
    });
  });
});
