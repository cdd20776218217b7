/**
 * Representative change records for the golden rows, in the shapes AWS delivers them: DynamoDB
 * stream records as EventBridge Pipes writes them to Kinesis, and Kinesis Data Streams for
 * DynamoDB records. Each exercises one part of the row contract the shared events in
 * `tests/events` do not (every attribute type, number spellings, escapes, name collisions at the
 * top level and inside lists, MODIFY diffs, tombstones, TTL deletes, malformed values).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/kds.html
 */
const ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-orders/stream/2025-01-15T09:30:12.345';
const KEYS = { order_id: { S: 'ord-7' } };

/** A stream record as Pipes delivers it. */
function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  dynamodb: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    eventID: '7de3041dd709b024af6f29e4fa13d34c',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1736937011,
      Keys: KEYS,
      SequenceNumber: '5172400000000023457312842',
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      ...dynamodb,
    },
    eventSourceARN: ARN,
    ...extra,
  };
}

const EVERY_TYPE = {
  order_id: { S: 'ord-7' },
  total: { N: '44.98' },
  plus_padded: { N: '+007.50' },
  leading_dot: { N: '.5' },
  trailing_dot: { N: '5.' },
  exponent: { N: '1E+3' },
  big: { N: '1234567890123456789012345' },
  decimal38: { N: '-0.12345678901234567890123456789012345678' },
  blob: { B: 'SGVsbG8=' },
  paid: { BOOL: true },
  refunded: { BOOL: false },
  coupon: { NULL: true },
  tags: { SS: ['zeta', 'Alpha', 'beta', 'é'] },
  sizes: { NS: ['17', '3', '-2.5', '1E+2', '100', '9007199254740993', '9007199254740992'] },
  blobs: { BS: ['Yg==', 'YQ==', 'AAEC'] },
  empty: { M: {} },
  customer: {
    M: {
      name: { S: 'Amélie Dupont' },
      address: { M: { city: { S: 'Lyon' }, geo: { M: { lat: { N: '45.764' }, lon: { N: '4.8357' } } } } },
    },
  },
  items: {
    L: [
      { M: { sku: { S: 'SKU-RED-MUG' }, unitPrice: { N: '12.50' }, qty: { N: '2' } } },
      { S: 'gift' },
      { L: [{ N: '1' }, { NULL: true }] },
      { M: {} },
      { SS: ['b', 'a'] },
    ],
  },
  no_items: { L: [] },
};

const ESCAPES = {
  order_id: { S: 'ord-7' },
  quote: { S: 'say "hi"' },
  backslash: { S: 'C:\\temp\\x' },
  controls: { S: 'a\u0000b\u0001c\u001fd\be\ff\ng\rh\ti' },
  separators: { S: 'line\u2028para\u2029end\u007f' },
  lone_high: { S: 'x\ud800y' },
  lone_low: { S: '\udc00z' },
  emoji: { S: 'ok 👍🏽' },
  cjk: { S: '価格は¥1,200' },
  tags: { SS: ['"q"', 'a\\b', '\n'] },
};

/** Name of a golden case -> the decoded Kinesis record data (a change record as JSON). */
export const GOLDEN_CHANGES: Readonly<Record<string, unknown>> = {
  'insert: every attribute type, number spellings, sorted sets, nested maps and lists': streamRecord('INSERT', {
    NewImage: EVERY_TYPE,
  }),
  'insert: strings that need escaping, lone surrogates, non-ASCII': streamRecord('INSERT', { NewImage: ESCAPES }),
  'insert: attribute names renamed to snake_case, non-ASCII and symbol-only names': streamRecord('INSERT', {
    NewImage: {
      order_id: { S: 'ord-7' },
      customerId: { S: 'c-1' },
      'Order Date': { S: '2025-01-15' },
      XMLHttpURL2: { N: '2' },
      'Crème brûlée': { BOOL: true },
      価格: { N: '1200' },
      $$: { S: 'x' },
    },
  }),
  'insert: colliding names at the top level and with CDC columns': streamRecord('INSERT', {
    NewImage: {
      order_id: { S: 'ord-7' },
      customerId: { S: 'camel' },
      customer_id: { S: 'exact' },
      'Customer ID': { S: 'spaced' },
      customer_id_2: { S: 'taken' },
      cdc_operation: { S: 'item says' },
      a: { M: { b: { S: 'nested a.b' } } },
      'a.b': { S: 'dotted' },
      a_b: { S: 'exact a_b' },
    },
  }),
  'insert: renamed and colliding keys of maps inside a list': streamRecord('INSERT', {
    NewImage: {
      order_id: { S: 'ord-7' },
      lines: {
        L: [
          { M: { customerId: { S: 'camel' }, customer_id: { S: 'exact' }, unitPrice: { N: '1.5' } } },
          { M: { ok_key: { S: 'plain' } } },
        ],
      },
    },
  }),
  'modify: changed, added, removed, nested and type-changing attributes': streamRecord('MODIFY', {
    OldImage: {
      order_id: { S: 'ord-7' },
      status: { S: 'placed' },
      tags: { SS: ['a', 'b'] },
      customer: { M: { city: { S: 'Lyon' }, zip: { S: '69002' } } },
      gone: { N: '1' },
      shape: { S: 'flat' },
      was_map: { M: { x: { N: '1' } } },
    },
    NewImage: {
      order_id: { S: 'ord-7' },
      status: { S: 'paid' },
      tags: { SS: ['b', 'a'] },
      customer: { M: { city: { S: 'Paris' }, zip: { S: '69002' } } },
      added: { BOOL: true },
      shape: { M: { kind: { S: 'nested' } } },
      was_map: { N: '1' },
    },
  }),
  'modify: nothing changed': streamRecord('MODIFY', { OldImage: EVERY_TYPE, NewImage: EVERY_TYPE }),
  'modify: colliding names with a change': streamRecord('MODIFY', {
    OldImage: { order_id: { S: 'ord-7' }, customerId: { S: 'a' }, customer_id: { S: 'b' } },
    NewImage: { order_id: { S: 'ord-7' }, customerId: { S: 'a2' }, customer_id: { S: 'b' } },
  }),
  'modify: new image only (NEW_IMAGE view)': streamRecord('MODIFY', {
    NewImage: { order_id: { S: 'ord-7' }, status: { S: 'shipped' } },
    StreamViewType: 'NEW_IMAGE',
  }),
  'remove: old image': streamRecord('REMOVE', {
    OldImage: { order_id: { S: 'ord-7' }, status: { S: 'delivered' }, total: { N: '44.98' } },
  }),
  'remove: keys only (tombstone)': streamRecord('REMOVE', { StreamViewType: 'KEYS_ONLY' }),
  'remove: TTL expiry by the DynamoDB service': streamRecord(
    'REMOVE',
    { OldImage: { order_id: { S: 'ord-7' }, expires_at: { N: '1736937011' } } },
    { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
  ),
  'kds: milliseconds, table name, no sequence number': {
    awsRegion: 'eu-west-1',
    eventID: 'a8a5ab4c-9a36-4d58-9d44-9c0ab8b1c2f1',
    eventName: 'INSERT',
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: 'sales-orders',
    dynamodb: {
      ApproximateCreationDateTime: 1736940612118,
      Keys: KEYS,
      NewImage: { order_id: { S: 'ord-7' }, total: { N: '5' } },
      SizeBytes: 60,
    },
    eventSource: 'aws:dynamodb',
  },
  'kds: microseconds': {
    awsRegion: 'eu-west-1',
    eventID: 'b8a5ab4c-9a36-4d58-9d44-9c0ab8b1c2f1',
    eventName: 'MODIFY',
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: 'sales-orders',
    dynamodb: {
      ApproximateCreationDateTime: 1736940612118342,
      Keys: KEYS,
      OldImage: { order_id: { S: 'ord-7' }, n: { N: '1' } },
      NewImage: { order_id: { S: 'ord-7' }, n: { N: '2' } },
      SizeBytes: 60,
    },
    eventSource: 'aws:dynamodb',
  },
  'failure: non-numeric N deep in a list': streamRecord('INSERT', {
    NewImage: { order_id: { S: 'ord-7' }, items: { L: [{ M: { price: { N: 'cheap' } } }] } },
  }),
  'failure: set member that is not base64': streamRecord('INSERT', {
    NewImage: { order_id: { S: 'ord-7' }, blobs: { BS: ['YQ==', 'not base64'] } },
  }),
  'failure: unknown attribute type in a renamed map': streamRecord('INSERT', {
    NewImage: { order_id: { S: 'ord-7' }, lines: { L: [{ M: { unitPrice: { X: '1' } } }] } },
  }),
};
