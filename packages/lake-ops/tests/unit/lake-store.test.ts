import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@sales/testing';
import { LocalLakeStore } from '../../src/lake/local-lake-store.js';
import { openLake } from '../../src/lake/open-lake.js';
import { S3LakeStore } from '../../src/lake/s3-lake-store.js';

async function keysOf(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of iterable) keys.push(key);
  return keys;
}

describe('LocalLakeStore', () => {
  const root = useTemporaryFolder('lake-store-');

  test('writes, replaces and reads objects by key, and lists a prefix in key order', async () => {
    const lake = new LocalLakeStore(root.path);
    await lake.write('sales/year=2025/b.json.gz', Buffer.from('one'));
    await lake.write('sales/year=2025/a.json.gz', Buffer.from('two'));
    await lake.write('errors/x', Buffer.from('three'));
    await lake.write('sales/year=2025/b.json.gz', Buffer.from('four'));

    expect(await keysOf(lake.list('sales/'))).toEqual(['sales/year=2025/a.json.gz', 'sales/year=2025/b.json.gz']);
    expect((await lake.read('sales/year=2025/b.json.gz'))?.toString()).toBe('four');
    expect(await lake.read('sales/missing')).toBeUndefined();
    expect(readdirSync(join(root.path, 'sales', 'year=2025')).sort()).toEqual(['a.json.gz', 'b.json.gz']);
  });

  test('removes an object, and removing a missing key is no error', async () => {
    const lake = new LocalLakeStore(root.path);
    await lake.write('errors/replay-failed/x.json', Buffer.from('x'));

    await lake.remove('errors/replay-failed/x.json');
    await lake.remove('errors/replay-failed/never.json');

    expect(await lake.read('errors/replay-failed/x.json')).toBeUndefined();
  });

  test('lists nothing under a prefix that does not exist', async () => {
    expect(await keysOf(new LocalLakeStore(root.path).list('sales/'))).toEqual([]);
  });

  test('refuses a key that would leave the lake folder', async () => {
    await expect(new LocalLakeStore(root.path).write('../outside', Buffer.from('x'))).rejects.toThrow(
      /would leave the lake folder/,
    );
  });
});

describe('S3LakeStore', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());

  test('lists every page under the root prefix and strips the prefix from keys', async () => {
    s3.on(ListObjectsV2Command, { Bucket: 'lake', Prefix: 'root/sales/', ContinuationToken: undefined }).resolves({
      Contents: [{ Key: 'root/sales/a', Size: 3 }],
      IsTruncated: true,
      NextContinuationToken: 't1',
    });
    s3.on(ListObjectsV2Command, { Bucket: 'lake', Prefix: 'root/sales/', ContinuationToken: 't1' }).resolves({
      Contents: [{ Key: 'root/sales/b', Size: 4 }],
      IsTruncated: false,
    });
    const lake = new S3LakeStore(new S3Client({}), 'lake', 'root/');

    expect(await keysOf(lake.list('sales/'))).toEqual(['sales/a', 'sales/b']);
  });

  test('reads an object, and a missing key as undefined', async () => {
    // The SDK's streaming body, reduced to the one method the store calls.
    const body = { transformToByteArray: async () => new Uint8Array(Buffer.from('abc')) };
    s3.on(GetObjectCommand, { Key: 'root/a' }).resolves({ Body: body as never });
    s3.on(GetObjectCommand, { Key: 'root/missing' }).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }),
    );
    const lake = new S3LakeStore(new S3Client({}), 'lake', 'root/');

    expect((await lake.read('a'))?.toString()).toBe('abc');
    expect(await lake.read('missing')).toBeUndefined();
  });

  test('writes with no encryption headers, so the bucket default (KMS) applies', async () => {
    s3.on(PutObjectCommand).resolves({});
    await new S3LakeStore(new S3Client({}), 'lake', '').write('sales/x', Buffer.from('x'));

    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input).toEqual({ Bucket: 'lake', Key: 'sales/x', Body: Buffer.from('x') });
  });

  test('removes with DeleteObject under the root prefix', async () => {
    s3.on(DeleteObjectCommand).resolves({});

    await new S3LakeStore(new S3Client({}), 'lake', 'root/').remove('errors/replay-failed/x.json');

    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'lake',
      Key: 'root/errors/replay-failed/x.json',
    });
  });
});

describe('openLake', () => {
  test.each([
    ['s3://sales-dev-lake', 's3://sales-dev-lake/'],
    ['s3://sales-dev-lake/', 's3://sales-dev-lake/'],
    ['s3://sales-dev-lake/team/lake', 's3://sales-dev-lake/team/lake/'],
    ['.local', '/repo/.local'],
  ])('%s -> %s', (value, location) => {
    expect(openLake(value, '/repo', () => new S3Client({ region: 'eu-west-1' })).location).toBe(location);
  });

  test.each(['', 's3://', 's3:///prefix'])('refuses %j naming --lake', (value) => {
    expect(() => openLake(value, '/repo')).toThrow(/^--lake must be/);
  });
});
