/**
 * chooseFenceMargin: the margin a run fences with, and the reason its report gives.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { formatLakeClock, LAKE_CLOCK_FILE } from '@sales/pipeline-spec';
import { chooseFenceMargin } from '../../src/lake/choose-fence-margin.js';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { S3LakeStore } from '../../src/lake/s3-lake-store.js';

describe('chooseFenceMargin', () => {
  const root = useTemporaryFolder('fence-margin-');
  const stampedBy = (host: string) =>
    writeFileSync(join(root.path, LAKE_CLOCK_FILE), formatLakeClock({ writer: 'npm run local', host }));

  test('takes 0 s for a local lake this host stamped, read by a Scan this host times', async () => {
    stampedBy('host-a');

    const margin = await chooseFenceMargin({
      given: undefined,
      lake: new LocalLakeStore(root.path),
      hostTimesTableReads: true,
      host: 'host-a',
    });

    expect(margin).toEqual({
      seconds: 0,
      reason:
        "one clock: this host stamped the lake's changes (npm run local, lake-clock.json) and times the table reads",
    });
  });

  test.each([
    ['a lake without a clock record', () => undefined, true, 'host-a'],
    ['a lake another host stamped', () => stampedBy('host-b'), true, 'host-a'],
    ['an export table side (DynamoDB times it)', () => stampedBy('host-a'), false, 'host-a'],
    ['an unreadable clock record', () => writeFileSync(join(root.path, LAKE_CLOCK_FILE), '{'), true, 'host-a'],
  ])('keeps the 300 s default for %s', async (_case, arrange, hostTimesTableReads, host) => {
    arrange();

    const margin = await chooseFenceMargin({
      given: undefined,
      lake: new LocalLakeStore(root.path),
      hostTimesTableReads,
      host,
    });

    expect(margin.seconds).toBe(300);
    expect(margin.reason).toMatch(/^the default: allows for skew/);
  });

  test('keeps the default for the bucket without reading it', async () => {
    const lake = new S3LakeStore(new S3Client({ region: 'eu-west-1' }), 'b', '');
    const read = jest.spyOn(lake, 'read');

    const margin = await chooseFenceMargin({ given: undefined, lake, hostTimesTableReads: true });

    expect(margin.seconds).toBe(300);
    expect(read).not.toHaveBeenCalled();
  });

  test('takes the flag when given, whatever the lake says', async () => {
    stampedBy('host-a');

    const margin = await chooseFenceMargin({
      given: 60,
      lake: new LocalLakeStore(root.path),
      hostTimesTableReads: true,
      host: 'host-a',
    });

    expect(margin).toEqual({ seconds: 60, reason: 'set with --fence-margin-seconds' });
  });
});
