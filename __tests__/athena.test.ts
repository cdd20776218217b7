import 'cdktf/lib/testing/adapters/jest';
import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import { Testing } from 'cdktf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Athena, type AthenaProps } from '../constructs/data-path/athena';
import { readNamedQueries } from '@sales/pipeline-spec';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';

function athena(props: Partial<AthenaProps> = {}): string {
  return Testing.synthScope((scope) => {
    const resultsBucket = new SecureBucket(scope, 'Results', { bucketName: 'results', kmsKeyArn: TEST_KEY_ARN }).bucket;
    new Athena(scope, 'Athena', {
      baseName: 'sales-test',
      databaseName: 'sales_test',
      resultsBucket,
      kmsKeyArn: TEST_KEY_ARN,
      ...props,
    });
  });
}

describe('Athena', () => {
  const synthesized = athena();

  test('Test default behaviors: engine 3, enforced configuration, SSE-KMS results, 10 GiB cutoff, metrics', () => {
    expect(synthesized).toHaveResourceWithProperties(AthenaWorkgroup, {
      name: 'sales-test-analytics',
      configuration: {
        engine_version: { selected_engine_version: 'Athena engine version 3' },
        enforce_workgroup_configuration: true,
        publish_cloudwatch_metrics_enabled: true,
        bytes_scanned_cutoff_per_query: 10737418240,
        result_configuration: {
          output_location: expect.stringMatching(
            /^s3:\/\/\$\{aws_s3_bucket\.Results_Bucket_[A-F0-9]+\.bucket\}\/results\/$/,
          ),
          encryption_configuration: { encryption_option: 'SSE_KMS', kms_key_arn: TEST_KEY_ARN },
        },
      },
    });
  });

  test('creates one named query per .sql file, with its text and description', () => {
    const queries = Object.values(JSON.parse(synthesized).resource.aws_athena_named_query) as Array<
      Record<string, string>
    >;
    const files = readNamedQueries();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(queries.map((q) => q['name'])).toEqual(files.map((f) => f.name));
    for (const [index, file] of files.entries()) {
      expect(queries[index]).toMatchObject({ query: file.sql, description: file.description, database: 'sales_test' });
    }
  });

  test('deletes a workgroup that has run queries on destroy only when asked (force_destroy)', () => {
    const workgroup = (text: string) =>
      Object.values(JSON.parse(text).resource.aws_athena_workgroup)[0] as Record<string, unknown>;
    expect(workgroup(synthesized)['force_destroy']).toBeUndefined();
    expect(workgroup(athena({ forceDestroy: true }))['force_destroy']).toBe(true);
  });

  test('rejects a cutoff below Athena’s 10 MB minimum', () => {
    expect(() => athena({ bytesScannedCutoffPerQuery: 1000 })).toThrow(
      'bytesScannedCutoffPerQuery must be at least 10485760, received 1000',
    );
  });
});

describe('readNamedQueries', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function folderWith(file: string, sql: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'queries-'));
    folders.push(dir);
    writeFileSync(join(dir, file), sql);
    return dir;
  }

  test('rejects a query without a description line', () => {
    expect(() => readNamedQueries(folderWith('q.sql', 'SELECT 1'))).toThrow(
      'q.sql must start with a "-- description" line',
    );
  });

  test('rejects a trailing semicolon', () => {
    expect(() => readNamedQueries(folderWith('q.sql', '-- one\nSELECT 1;'))).toThrow(
      'q.sql must hold one statement without a trailing semicolon',
    );
  });
});
