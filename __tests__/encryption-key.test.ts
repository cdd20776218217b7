import 'cdktf/lib/testing/adapters/jest';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Testing } from 'cdktf';
import { EncryptionKey, keyPolicy } from '../constructs/security/encryption-key';
import { TEST_AWS } from './helpers/context';

describe('EncryptionKey', () => {
  test('Test default behaviors: rotation on, 30-day deletion window, an alias', () => {
    const synthesized = Testing.synthScope(
      (scope) => new EncryptionKey(scope, 'Key', { baseName: 'sales-test', aws: TEST_AWS }),
    );
    expect(synthesized).toHaveResourceWithProperties(KmsKey, {
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
    expect(synthesized).toHaveResourceWithProperties(KmsAlias, { name: 'alias/sales-test-pipeline' });
  });

  test('refuses a destroy plan only when asked (prevent_destroy)', () => {
    const key = (preventDestroy = false) =>
      Object.values(
        JSON.parse(
          Testing.synthScope(
            (scope) => new EncryptionKey(scope, 'Key', { baseName: 'sales-test', aws: TEST_AWS, preventDestroy }),
          ),
        ).resource.aws_kms_key,
      )[0] as Record<string, unknown>;
    expect(key()['lifecycle']).toBeUndefined();
    expect(key(true)['lifecycle']).toEqual({ prevent_destroy: true });
  });

  test('lets CloudWatch Logs use the key only for this pipeline’s log groups', () => {
    const logs = JSON.parse(keyPolicy('sales-test', TEST_AWS)).Statement.find(
      (s: { Sid: string }) => s.Sid === 'CloudWatchLogsEncryptsPipelineLogGroups',
    );
    expect(logs.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(logs.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']).toEqual([
      'arn:aws:logs:eu-west-1:123456789012:log-group:/sales-test/*',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/sales-test-*',
      'arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/crawlers-role/sales-test-crawler-sales-test-crawler-logs',
    ]);
  });

  test('lets CloudWatch alarms publish to the encrypted topic from this account only', () => {
    const alarms = JSON.parse(keyPolicy('sales-test', TEST_AWS)).Statement.find(
      (s: { Sid: string }) => s.Sid === 'CloudWatchAlarmsPublishToEncryptedTopic',
    );
    expect(alarms).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
    });
    expect(alarms.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
  });

  test('rejects a deletion window outside 7-30 days', () => {
    expect(() =>
      Testing.synthScope(
        (scope) => new EncryptionKey(scope, 'Key', { baseName: 'x', aws: TEST_AWS, deletionWindowDays: 3 }),
      ),
    ).toThrow('deletionWindowDays must be between 7 and 30, received 3');
  });
});
