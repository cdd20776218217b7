import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { ORDER_TABLE_SCHEMA } from '@sales/pipeline-spec';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachChangeCapture, type CapturedChange } from '../../src/dynamodb/change-capture';
import { startDynalite, type LocalDynamoServer } from '../../src/dynamodb/dynalite-server';

const TABLE = 'capture-test';
const STREAM_ARN = `arn:aws:dynamodb:eu-west-1:000000000000:table/${TABLE}/stream/2025-01-01T00:00:00.000`;
const key = (id: string) => ({ order_id: { S: id } });
/** Pipe-delivered stream records from the AWS-shaped events in packages/transform/tests/events. */
const FIXTURE_RECORDS: Array<Record<string, any>> = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'transform', 'tests', 'events', 'pipe-stream-records-decoded.json'),
    'utf8',
  ),
);
const shapeOf = (record: Record<string, any>) => ({
  top: Object.keys(record).sort(),
  dynamodb: Object.keys(record['dynamodb']).sort(),
});

let server: LocalDynamoServer;
let writer: DynamoDBClient;
let reader: DynamoDBClient;
let changes: CapturedChange[];
/** Commands the capture's reader sent, by name. */
let reads: string[] = [];

beforeAll(async () => {
  server = await startDynalite();
  const config = {
    endpoint: server.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  };
  writer = new DynamoDBClient(config);
  reader = new DynamoDBClient(config);
  reader.middlewareStack.add(
    (next, context) => (args) => {
      reads.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'countReads' },
  );
  const pk = ORDER_TABLE_SCHEMA.partitionKey;
  await reader.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: pk.name, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: pk.name, AttributeType: pk.type }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  attachChangeCapture(writer, {
    reader,
    tableName: TABLE,
    keyNames: [pk.name],
    streamArn: STREAM_ARN,
    region: 'eu-west-1',
    onChange: (change) => changes.push(change),
  });
});
beforeEach(() => {
  changes = [];
  reads = [];
});
afterAll(async () => {
  writer.destroy();
  reader.destroy();
  await server.stop();
});

describe('change capture', () => {
  test('emits INSERT, then MODIFY for a put over an existing item, with images from the table', async () => {
    await writer.send(
      new PutItemCommand({ TableName: TABLE, Item: { ...key('a'), status: { S: 'placed' }, total: { N: '10.50' } } }),
    );
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('a'), status: { S: 'paid' } } }));

    expect(changes.map((c) => c.record.eventName)).toEqual(['INSERT', 'MODIFY']);
    const [insert, modify] = changes.map((c) => c.record);
    expect(insert!.dynamodb!.OldImage).toBeUndefined();
    expect(insert!.dynamodb!.NewImage).toEqual({ ...key('a'), status: { S: 'placed' }, total: { N: '10.5' } });
    expect(modify!.dynamodb!.OldImage).toEqual(insert!.dynamodb!.NewImage);
    expect(modify!.dynamodb!.NewImage).toEqual({ ...key('a'), status: { S: 'paid' } });
  });

  test('builds records in the exact Pipes-delivered shape', async () => {
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('shape'), n: { N: '1' } } }));

    const [{ record, eventTimeMs }] = changes as [CapturedChange];
    expect(record).toEqual({
      eventID: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      eventSourceARN: STREAM_ARN,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(eventTimeMs / 1000),
        Keys: key('shape'),
        NewImage: { ...key('shape'), n: { N: '1' } },
        SequenceNumber: expect.stringMatching(/^\d{21,40}$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
  });

  test.each(['INSERT', 'MODIFY', 'REMOVE'])(
    'gives %s records the same fields as the Pipes-delivered fixture',
    async (eventName) => {
      await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('g'), v: { N: '1' } } }));
      await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('g'), v: { N: '2' } } }));
      await writer.send(new DeleteItemCommand({ TableName: TABLE, Key: key('g') }));

      const captured = changes.find((c) => c.record.eventName === eventName)!.record;
      const fixture = FIXTURE_RECORDS.find((r) => r['eventName'] === eventName && r['userIdentity'] === undefined)!;
      expect(shapeOf(captured as Record<string, any>)).toEqual(shapeOf(fixture));
    },
  );

  test('emits nothing for a failed condition, an identical put, or a delete of a missing item', async () => {
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('b'), status: { S: 'placed' } } }));
    changes = [];

    const conditional = new UpdateItemCommand({
      TableName: TABLE,
      Key: key('b'),
      UpdateExpression: 'SET #s = :next',
      ConditionExpression: '#s = :expected',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':next': { S: 'shipped' }, ':expected': { S: 'paid' } },
    });
    await expect(writer.send(conditional)).rejects.toThrow(/conditional/i);
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('b'), status: { S: 'placed' } } }));
    await writer.send(new DeleteItemCommand({ TableName: TABLE, Key: key('missing') }));

    expect(changes).toEqual([]);
  });

  test('takes images from the actual state, not from the request', async () => {
    await writer.send(
      new PutItemCommand({ TableName: TABLE, Item: { ...key('c'), qty: { N: '1' }, note: { S: 'x' } } }),
    );
    await writer.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: key('c'),
        UpdateExpression: 'ADD qty :one REMOVE note',
        ExpressionAttributeValues: { ':one': { N: '2' } },
      }),
    );
    await writer.send(new DeleteItemCommand({ TableName: TABLE, Key: key('c') }));

    const [, modify, remove] = changes.map((c) => c.record);
    expect(modify!.dynamodb!.NewImage).toEqual({ ...key('c'), qty: { N: '3' } });
    expect(remove!.eventName).toBe('REMOVE');
    expect(remove!.dynamodb!.OldImage).toEqual({ ...key('c'), qty: { N: '3' } });
    expect(remove!.dynamodb!.NewImage).toBeUndefined();
  });

  test('observes a single write with its own old item: a put or update reads once after it, a delete not at all', async () => {
    const put = await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('g'), n: { N: '1' } } }));
    const update = await writer.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: key('g'),
        UpdateExpression: 'SET n = :two',
        ExpressionAttributeValues: { ':two': { N: '2' } },
      }),
    );
    const remove = await writer.send(new DeleteItemCommand({ TableName: TABLE, Key: key('g') }));

    expect(reads).toEqual(['GetItemCommand', 'GetItemCommand']);
    // The callers asked for no return values, and get none.
    expect([put.Attributes, update.Attributes, remove.Attributes]).toEqual([undefined, undefined, undefined]);
    expect(
      changes.map(({ record }) => [record.eventName, record.dynamodb!.OldImage, record.dynamodb!.NewImage]),
    ).toEqual([
      ['INSERT', undefined, { ...key('g'), n: { N: '1' } }],
      ['MODIFY', { ...key('g'), n: { N: '1' } }, { ...key('g'), n: { N: '2' } }],
      ['REMOVE', { ...key('g'), n: { N: '2' } }, undefined],
    ]);
  });

  test("keeps a caller's own return values, reading around its write instead", async () => {
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('h'), n: { N: '1' } } }));
    reads = [];
    const update = await writer.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: key('h'),
        UpdateExpression: 'SET n = :two',
        ExpressionAttributeValues: { ':two': { N: '2' } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );

    expect(update.Attributes).toEqual({ n: { N: '2' } });
    expect(reads).toEqual(['GetItemCommand', 'GetItemCommand']);
    const modify = changes.at(-1)!.record.dynamodb!;
    expect([modify.OldImage, modify.NewImage]).toEqual([
      { ...key('h'), n: { N: '1' } },
      { ...key('h'), n: { N: '2' } },
    ]);
  });

  test('emits one record per item of a batch write', async () => {
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('d'), v: { N: '1' } } }));
    changes = [];
    await writer.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TABLE]: [
            { PutRequest: { Item: { ...key('e'), v: { N: '1' } } } },
            { DeleteRequest: { Key: key('d') } },
            { DeleteRequest: { Key: key('never-existed') } },
          ],
        },
      }),
    );

    expect(changes.map((c) => [c.record.eventName, c.record.dynamodb!.Keys!['order_id']!.S])).toEqual([
      ['INSERT', 'e'],
      ['REMOVE', 'd'],
    ]);
  });

  test('serialises concurrent writes per key, so each OldImage is the previous NewImage', async () => {
    await writer.send(new PutItemCommand({ TableName: TABLE, Item: { ...key('f'), n: { N: '0' } } }));
    const add = () =>
      writer.send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: key('f'),
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      );

    await Promise.all(Array.from({ length: 20 }, add));

    const records = changes.map((c) => c.record.dynamodb!);
    expect(records).toHaveLength(21);
    records.slice(1).forEach((record, i) => {
      expect(record.OldImage).toEqual(records[i]!.NewImage);
      expect(BigInt(record.SequenceNumber!)).toBeGreaterThan(BigInt(records[i]!.SequenceNumber!));
    });
    expect(records.at(-1)!.NewImage!['n']).toEqual({ N: '20' });
  });
});
