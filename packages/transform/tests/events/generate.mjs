// Regenerates packages/transform/tests/events/*.json deterministically (no randomness, no clock).
// Usage: node packages/transform/tests/events/generate.mjs
// All base64 is produced with Buffer (UTF-8), never written by hand.
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = here;
mkdirSync(out, { recursive: true });

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const TABLE = 'sales-orders';
const STREAM_LABEL = '2025-01-15T09:30:12.345';
const DDB_STREAM_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${TABLE}/stream/${STREAM_LABEL}`;
const KDS_ARN = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/sales-cdc`;
const FIREHOSE_ARN = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/sales-cdc-to-s3`;

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const b64json = (v) => b64(JSON.stringify(v));
const bytes16 = (seed) => createHash('sha256').update(seed).digest().subarray(0, 16).toString('base64');
const md5Upper = (s) => createHash('md5').update(s).digest('hex').toUpperCase();

// Approximation of DynamoDB item size (attribute names + values), used only to make SizeBytes plausible.
function avSize(av) {
  const [t, v] = Object.entries(av)[0];
  switch (t) {
    case 'S':
      return Buffer.byteLength(v, 'utf8');
    case 'N':
      return Math.ceil(v.replace(/[-.]/g, '').replace(/^0+/, '').length / 2) + 1;
    case 'B':
      return Buffer.from(v, 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return v.reduce((n, x) => n + Buffer.byteLength(x, 'utf8'), 0);
    case 'NS':
      return v.reduce((n, x) => n + avSize({ N: x }), 0);
    case 'BS':
      return v.reduce((n, x) => n + Buffer.from(x, 'base64').length, 0);
    case 'L':
      return 3 + v.reduce((n, x) => n + 1 + avSize(x), 0);
    case 'M':
      return 3 + Object.entries(v).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k) + avSize(x), 0);
    default:
      throw new Error(`unknown type ${t}`);
  }
}
const imageSize = (img) =>
  img ? Object.entries(img).reduce((n, [k, x]) => n + Buffer.byteLength(k) + avSize(x), 0) : 0;
const sizeBytes = (d) => imageSize(d.Keys) + imageSize(d.NewImage) + imageSize(d.OldImage);

// ---------- the sales order images (DynamoDB JSON, as they appear on the wire) ----------
const ORDER_A = 'ord-20250115-1001';
const ORDER_B = 'ord-20250114-0877';
const ORDER_C = 'ord-20240110-0042';

const lineItems = {
  L: [
    { M: { sku: { S: 'SKU-RED-MUG' }, qty: { N: '2' }, unit_price: { N: '12.50' } } },
    { M: { sku: { S: 'SKU-TEA-500G' }, qty: { N: '1' }, unit_price: { N: '18.90' } } },
  ],
};

const insertImage = {
  order_id: { S: ORDER_A },
  status: { S: 'PLACED' },
  customer: {
    M: {
      customer_id: { S: 'cus-4821' },
      name: { S: 'Amélie Dupont' },
      email: { S: 'amelie.dupont@example.com' },
      address: { M: { city: { S: 'Lyon' }, postcode: { S: '69002' }, country: { S: 'FR' } } },
    },
  },
  line_items: lineItems,
  tags: { SS: ['gift', 'priority'] },
  warehouse_ids: { NS: ['3', '17', '42'] },
  receipt_digest: { B: bytes16(ORDER_A) },
  coupon_code: { NULL: true },
  is_gift: { BOOL: true },
  loyalty_account_number: { N: '1234567890123456789012345' },
  fx_rate_to_usd: { N: '1.0823456789012345678901234' },
  total_amount: { N: '43.90' },
  currency: { S: 'EUR' },
  notes: { S: '' },
  attachments: { L: [] },
  created_at: { S: '2025-01-15T10:30:11.482Z' },
  updated_at: { S: '2025-01-15T10:30:11.482Z' },
  expires_at: { N: '1768473011' },
};

const modifyNewImage = {
  ...insertImage,
  status: { S: 'SHIPPED' },
  tags: { SS: ['gift', 'priority', 'shipped'] },
  shipment: {
    M: {
      carrier: { S: 'colissimo' },
      tracking_number: { S: '6A12345678901' },
      shipped_at: { S: '2025-01-15T11:30:09.007Z' },
      parcels: { N: '1' },
    },
  },
  updated_at: { S: '2025-01-15T11:30:12.118Z' },
};

const removedImage = {
  order_id: { S: ORDER_B },
  status: { S: 'CANCELLED' },
  customer: { M: { customer_id: { S: 'cus-0007' }, name: { S: 'Kenji Watanabe' } } },
  line_items: { L: [{ M: { sku: { S: 'SKU-BLUE-PLATE' }, qty: { N: '4' }, unit_price: { N: '7.25' } } }] },
  total_amount: { N: '29' },
  currency: { S: 'JPY' },
  is_gift: { BOOL: false },
  created_at: { S: '2025-01-14T22:04:51.000Z' },
  updated_at: { S: '2025-01-15T11:36:40.250Z' },
};

const ttlImage = {
  order_id: { S: ORDER_C },
  status: { S: 'DELIVERED' },
  customer: { M: { customer_id: { S: 'cus-1999' }, name: { S: 'Zoë Brønstad' } } },
  line_items: { L: [{ M: { sku: { S: 'SKU-SPOON-SET' }, qty: { N: '1' }, unit_price: { N: '0.99' } } }] },
  total_amount: { N: '0.99' },
  currency: { S: 'NOK' },
  discount_rates: { NS: ['0.05', '0.125'] },
  created_at: { S: '2024-01-10T08:00:00.000Z' },
  expires_at: { N: '1736941200' },
};

function streamRecord({ eventID, eventName, keyValue, newImage, oldImage, seq, approx, userIdentity }) {
  const dynamodb = {
    ApproximateCreationDateTime: approx,
    Keys: { order_id: { S: keyValue } },
    ...(newImage ? { NewImage: newImage } : {}),
    ...(oldImage ? { OldImage: oldImage } : {}),
    SequenceNumber: seq,
    SizeBytes: 0,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  };
  dynamodb.SizeBytes = sizeBytes(dynamodb);
  return {
    eventID,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    dynamodb,
    eventSourceARN: DDB_STREAM_ARN,
    ...(userIdentity ? { userIdentity } : {}),
  };
}

const pipeRecords = [
  streamRecord({
    eventID: '7de3041dd709b024af6f29e4fa13d34c',
    eventName: 'INSERT',
    keyValue: ORDER_A,
    newImage: insertImage,
    seq: '5172400000000023457312842',
    approx: 1736937011,
  }),
  streamRecord({
    eventID: 'a8f715d304a8daab89487274c0ffee01',
    eventName: 'MODIFY',
    keyValue: ORDER_A,
    newImage: modifyNewImage,
    oldImage: insertImage,
    seq: '5172500000000023457313777',
    approx: 1736940612,
  }),
  streamRecord({
    eventID: '0f3c5a9e6b2d48f1a7c3e9d2b4f6a8c0',
    eventName: 'REMOVE',
    keyValue: ORDER_B,
    oldImage: removedImage,
    seq: '5172600000000023457314001',
    approx: 1736941000,
  }),
  streamRecord({
    eventID: 'e1d2c3b4a5968778695a4b3c2d1e0f9a',
    eventName: 'REMOVE',
    keyValue: ORDER_C,
    oldImage: ttlImage,
    seq: '5172700000000023457314555',
    approx: 1736941237,
    userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  }),
];

// ---------- Firehose event wrapper (source = Kinesis Data Stream) ----------
function firehoseRecord({ data, kinesisSeq, shard, partitionKey, arrivalMs }) {
  return {
    recordId: `${kinesisSeq}000000000000`,
    approximateArrivalTimestamp: arrivalMs,
    data,
    kinesisRecordMetadata: {
      shardId: shard,
      partitionKey,
      approximateArrivalTimestamp: arrivalMs,
      sequenceNumber: kinesisSeq,
      subsequenceNumber: 0,
    },
  };
}
function firehoseEvent(invocationId, records) {
  return { invocationId, sourceKinesisStreamArn: KDS_ARN, deliveryStreamArn: FIREHOSE_ARN, region: REGION, records };
}

const kseq = (n) => `4965782840918770152001999524250839011995335832519258${String(n).padStart(4, '0')}`;
const shardFor = (key) => (key === ORDER_A ? 'shardId-000000000000' : 'shardId-000000000001');

const pipeEvent = firehoseEvent(
  '3f0a7c62-9d41-4b8e-a5e2-1c6b9f4d2e70',
  pipeRecords.map((r, i) =>
    firehoseRecord({
      data: b64json(r),
      kinesisSeq: kseq(9314 + i * 11),
      shard: shardFor(r.dynamodb.Keys.order_id.S),
      // Pipe target partition key configured as the dynamic path $.dynamodb.Keys.order_id.S
      partitionKey: r.dynamodb.Keys.order_id.S,
      arrivalMs: r.dynamodb.ApproximateCreationDateTime * 1000 + 587 + i,
    }),
  ),
);

// ---------- direct "Kinesis Data Streams for DynamoDB" records ----------
function kdsDirectRecord(approx) {
  const dynamodb = {
    ApproximateCreationDateTime: approx,
    Keys: { order_id: { S: ORDER_A } },
    NewImage: modifyNewImage,
    OldImage: insertImage,
    SizeBytes: 0,
  };
  dynamodb.SizeBytes = sizeBytes(dynamodb);
  return {
    awsRegion: REGION,
    eventID: '5f2b8e1a-63c4-4d7e-9a0b-2c8d4e6f1a3b',
    eventName: 'MODIFY',
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: TABLE,
    dynamodb,
    eventSource: 'aws:dynamodb',
  };
}
const kdsMs = kdsDirectRecord(1736940612118); // ApproximateCreationDateTimePrecision = MILLISECOND
const kdsUs = kdsDirectRecord(1736940612118342); // ApproximateCreationDateTimePrecision = MICROSECOND
// Kinesis Data Streams for DynamoDB sets the Kinesis partition key itself (observed: 32 upper-case hex chars).
const kdsPartitionKey = md5Upper(ORDER_A);
const kdsEvent = (rec, id, n) =>
  firehoseEvent(id, [
    firehoseRecord({
      data: b64json(rec),
      kinesisSeq: kseq(n),
      shard: 'shardId-000000000000',
      partitionKey: kdsPartitionKey,
      arrivalMs: 1736940612704,
    }),
  ]);

// ---------- malformed / edge records ----------
const base = (over) => ({ ...pipeRecords[0], ...over });
const baseDdb = (over) => ({ ...pipeRecords[0].dynamodb, ...over });
const malformedCases = [
  [
    'bad-base64',
    '%%%not-base64!!',
    'ProcessingFailed',
    'data is not base64; Node Buffer.from(x, "base64") does NOT throw, it silently yields garbage bytes: validate strictly',
  ],
  ['empty-data', '', 'ProcessingFailed', 'zero-length payload'],
  ['not-json', b64('order ord-20250115-1001 shipped\n'), 'ProcessingFailed', 'plain text, JSON.parse throws'],
  [
    'truncated-json',
    b64('{"eventID":"abc","eventName":"INSERT","dynamodb":{"Keys":'),
    'ProcessingFailed',
    'truncated JSON',
  ],
  [
    'invalid-utf8',
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]).toString('base64'),
    'ProcessingFailed',
    'bytes are not valid UTF-8 (0xC3 0x28); Buffer#toString("utf8") silently substitutes U+FFFD, use TextDecoder({fatal:true})',
  ],
  ['json-null', b64('null'), 'ProcessingFailed', 'valid JSON but not an object'],
  ['json-number', b64('42'), 'ProcessingFailed', 'valid JSON but not an object'],
  [
    'not-a-stream-record',
    b64json({ hello: 'world', order_id: ORDER_A }),
    'ProcessingFailed',
    'object without eventName/dynamodb',
  ],
  [
    'json-array-of-records',
    b64json([pipeRecords[0], pipeRecords[1]]),
    'ProcessingFailed',
    'array payload: no documented Pipes->Kinesis path without an input transformer produces this; decide explicitly (reject, or emit several newline-separated lines under ONE recordId)',
  ],
  [
    'missing-dynamodb',
    b64json((({ dynamodb, ...rest }) => rest)(pipeRecords[0])),
    'ProcessingFailed',
    'no "dynamodb" member',
  ],
  [
    'unknown-event-name',
    b64json(base({ eventName: 'UPSERT' })),
    'ProcessingFailed',
    'eventName must be INSERT | MODIFY | REMOVE',
  ],
  [
    'insert-without-new-image',
    b64json(base({ dynamodb: baseDdb({ NewImage: undefined, StreamViewType: 'KEYS_ONLY' }) })),
    'ProcessingFailed',
    'INSERT with no NewImage (table stream view type KEYS_ONLY/OLD_IMAGE) - nothing to flatten except Keys',
  ],
  [
    'modify-without-images',
    b64json({
      ...pipeRecords[1],
      dynamodb: { ...pipeRecords[1].dynamodb, NewImage: undefined, OldImage: undefined, StreamViewType: 'KEYS_ONLY' },
    }),
    'ProcessingFailed',
    'MODIFY with neither image',
  ],
  [
    'remove-keys-only',
    b64json({
      ...pipeRecords[2],
      dynamodb: { ...pipeRecords[2].dynamodb, OldImage: undefined, StreamViewType: 'NEW_IMAGE' },
    }),
    'Ok',
    'REMOVE under NEW_IMAGE view type carries only Keys: a keys-only tombstone is still a correct CDC row (policy decision; document it)',
  ],
  [
    'missing-keys',
    b64json(base({ dynamodb: baseDdb({ Keys: undefined }) })),
    'ProcessingFailed',
    'no Keys: cannot identify the item',
  ],
  [
    'unknown-attribute-type',
    b64json(base({ dynamodb: baseDdb({ NewImage: { ...insertImage, weird: { X: '1' } } }) })),
    'ProcessingFailed',
    'util-dynamodb unmarshall throws "Unsupported type passed: X"',
  ],
  [
    'empty-attribute-value',
    b64json(base({ dynamodb: baseDdb({ NewImage: { ...insertImage, weird: {} } }) })),
    'ProcessingFailed',
    'util-dynamodb unmarshall throws "No value defined: {}"',
  ],
  [
    'non-numeric-N',
    b64json(base({ dynamodb: baseDdb({ NewImage: { ...insertImage, total_amount: { N: 'forty-three' } } }) })),
    'ProcessingFailed',
    'util-dynamodb unmarshall returns NaN WITHOUT throwing (and JSON.stringify(NaN) === "null"): validate N strings yourself',
  ],
];
// JSON.stringify drops keys whose value is undefined, so the records above really lack those members.
const malformedEvent = firehoseEvent(
  'c0ffee00-1111-4222-8333-944445555666',
  malformedCases.map(([, data], i) =>
    firehoseRecord({
      data,
      kinesisSeq: kseq(5000 + i),
      shard: 'shardId-000000000000',
      partitionKey: ORDER_A,
      arrivalMs: 1736941300000 + i,
    }),
  ),
);
const malformedManifest = malformedCases.map(([name, , expected, why], i) => ({
  recordId: malformedEvent.records[i].recordId,
  case: name,
  expectedResult: expected,
  why,
}));

const write = (name, obj) => writeFileSync(join(out, name), `${JSON.stringify(obj, null, 2)}\n`);
write('firehose-event-pipe-sales.json', pipeEvent);
write('pipe-stream-records-decoded.json', pipeRecords);
write('firehose-event-kds-direct.json', kdsEvent(kdsMs, '9b1e4c2a-7d35-4f60-8e21-5a3c7b9d0f14', 7001));
write('kds-direct-record-decoded.json', kdsMs);
write('firehose-event-kds-direct-microsecond.json', kdsEvent(kdsUs, '9b1e4c2a-7d35-4f60-8e21-5a3c7b9d0f15', 7002));
write('firehose-event-malformed.json', malformedEvent);
write('firehose-event-malformed.manifest.json', malformedManifest);
console.log('fixtures written to', out);
