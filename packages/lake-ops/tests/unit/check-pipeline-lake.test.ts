/**
 * checkPipelineLake: a `--lake` that is not the pipeline's is refused before anything is read or written.
 */
import { ListObjectsV2Command, NoSuchBucket, S3Client } from '@aws-sdk/client-s3';
import { UsageError } from '@sales/command-line';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { checkPipelineLake } from '../../src/lake/check-pipeline-lake.js';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { S3LakeStore } from '../../src/lake/s3-lake-store.js';

describe('checkPipelineLake on a folder', () => {
  const root = useTemporaryFolder('check-lake-');

  test.each([
    ['the marker of npm run local', () => writeFileSync(join(root.path, '.sales-local'), '')],
    ['a sales/ folder', () => mkdirSync(join(root.path, 'sales'))],
    ['an errors/ folder', () => mkdirSync(join(root.path, 'errors'))],
  ])('accepts a folder with %s', async (_case, arrange) => {
    arrange();
    await expect(checkPipelineLake(new LocalLakeStore(root.path))).resolves.toBeUndefined();
  });

  test.each([
    [
      'does not exist',
      () => join(root.path, 'typo-lake'),
      /^--lake ".*typo-lake" does not exist; give the folder npm run local wrote/,
    ],
    [
      'is a file',
      () => {
        writeFileSync(join(root.path, 'lake.txt'), '');
        return join(root.path, 'lake.txt');
      },
      /^--lake must be a folder or s3:\/\/<lake bucket>\/, received the file ".*lake\.txt"/,
    ],
    ['is empty', () => root.path, /^--lake ".*" holds nothing: no pipeline data under sales\/ or errors\//],
    [
      'holds something else',
      () => {
        writeFileSync(join(root.path, 'photo.jpg'), '');
        return root.path;
      },
      /^--lake ".*" is not the pipeline's lake: it holds photo\.jpg but nothing under sales\/ or errors\//,
    ],
  ])(
    'refuses a folder that %s, with a usage error naming --lake, and creates nothing',
    async (_case, arrange, message) => {
      const path = arrange();
      const before = readdirSync(root.path);

      const checked = checkPipelineLake(new LocalLakeStore(path));

      await expect(checked).rejects.toThrow(UsageError);
      await expect(checked).rejects.toThrow(message);
      expect(readdirSync(root.path)).toEqual(before);
    },
  );
});

describe('checkPipelineLake on the bucket', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());
  const lake = () => new S3LakeStore(new S3Client({ region: 'eu-west-1' }), 'sales-dev-lake-123', '');
  const listing = (keys: readonly string[]) => ({
    Contents: keys.map((Key) => ({ Key, Size: 1 })),
    IsTruncated: false,
    KeyCount: keys.length,
  });

  test('accepts a bucket with an object under sales/, after one listing', async () => {
    s3.on(ListObjectsV2Command, { Prefix: 'sales/' }).resolves(listing(['sales/year=2026/x.json.gz']));

    await checkPipelineLake(lake());

    expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix)).toEqual(['sales/']);
  });

  test('accepts a bucket whose only pipeline data is under errors/', async () => {
    s3.on(ListObjectsV2Command, { Prefix: 'sales/' }).resolves(listing([]));
    s3.on(ListObjectsV2Command, { Prefix: 'errors/' }).resolves(listing(['errors/processing-failed/x.gz']));

    await expect(checkPipelineLake(lake())).resolves.toBeUndefined();
  });

  test('refuses a bucket without pipeline data after listing only the two prefixes the policies grant', async () => {
    s3.on(ListObjectsV2Command).resolves(listing([]));
    s3.on(ListObjectsV2Command, { Prefix: '' }).resolves(listing(['backups/db.dump']));

    await expect(checkPipelineLake(lake())).rejects.toThrow(
      '--lake "s3://sales-dev-lake-123/" holds nothing: no pipeline data under sales/ or errors/',
    );
    expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix)).toEqual([
      'sales/',
      'errors/',
    ]);
  });

  test('refuses a bucket that does not exist as a usage error naming --lake', async () => {
    s3.on(ListObjectsV2Command).rejects(
      new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } }),
    );

    const checked = checkPipelineLake(lake());

    await expect(checked).rejects.toThrow(UsageError);
    await expect(checked).rejects.toThrow('--lake "s3://sales-dev-lake-123/": no such bucket');
  });
});
