import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FirehoseTransformationEvent, FirehoseTransformationResult } from '../src/index.js';

type Json = Record<string, unknown>;

const snake = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');

/** Sets (from SS/NS/BS) to sorted arrays, recursively. */
function setsToArrays(value: unknown): unknown {
  if (value instanceof Set) return [...value].sort();
  if (Array.isArray(value)) return value.map(setsToArrays);
  if (typeof value === 'object' && value !== null) {
    const out: Json = {};
    for (const [key, inner] of Object.entries(value)) out[key] = setsToArrays(inner);
    return out;
  }
  return value;
}

function flatten(value: Json, prefix: string, out: Json): Json {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix === '' ? snake(key) : `${prefix}_${snake(key)}`;
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 0)
      flatten(inner as Json, name, out);
    else out[name] = inner;
  }
  return out;
}

/**
 * Reference 1, "the straightforward implementation of the same job": `unmarshall` from
 * `@aws-sdk/util-dynamodb` with `wrapNumbers: (s) => s`, sets to arrays, flatten, metadata,
 * `JSON.stringify`, base64. (Numbers come out as strings here: that is what the lossless
 * `wrapNumbers` gives without a custom serializer.)
 */
export function transformWithUnmarshall(event: FirehoseTransformationEvent): FirehoseTransformationResult {
  return {
    records: event.records.map((record) => {
      try {
        const change = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8')) as Json;
        const ddb = change.dynamodb as Json;
        const image = (change.eventName === 'REMOVE' ? (ddb.OldImage ?? ddb.Keys) : ddb.NewImage) as Json;
        const item = setsToArrays(unmarshall(image as never, { wrapNumbers: (s: string) => s })) as Json;
        const row = flatten(item, '', {});
        let changed: string[] | null = null;
        if (change.eventName === 'MODIFY' && ddb.OldImage !== undefined) {
          const before = flatten(
            setsToArrays(unmarshall(ddb.OldImage as never, { wrapNumbers: (s: string) => s })) as Json,
            '',
            {},
          );
          const names = new Set([...Object.keys(row), ...Object.keys(before)]);
          changed = [...names].filter((name) => JSON.stringify(row[name]) !== JSON.stringify(before[name])).sort();
        }
        const seconds = ddb.ApproximateCreationDateTime as number;
        const eventTime = new Date(
          seconds < 1e11 ? seconds * 1000 : seconds < 1e14 ? seconds : seconds / 1000,
        ).toISOString();
        const userIdentity = change.userIdentity as Json | undefined;
        Object.assign(row, {
          cdc_operation: String(change.eventName).toLowerCase(),
          cdc_event_id: change.eventID,
          cdc_event_time: eventTime,
          cdc_sequence_number: ddb.SequenceNumber ?? null,
          cdc_sort_key: `${String(seconds * 1e6).padStart(16, '0')}-${String(ddb.SequenceNumber ?? '').padStart(40, '0')}`,
          cdc_table: change.tableName ?? /:table\/([^/]+)/.exec(String(change.eventSourceARN))?.[1] ?? null,
          cdc_ttl_expired: userIdentity?.type === 'Service' && userIdentity.principalId === 'dynamodb.amazonaws.com',
          cdc_changed_attributes: changed,
        });
        const partitionKeys = {
          year: eventTime.slice(0, 4),
          month: eventTime.slice(5, 7),
          day: eventTime.slice(8, 10),
          hour: eventTime.slice(11, 13),
        };
        const data = Buffer.from(`${JSON.stringify(row)}\n`, 'utf8').toString('base64');
        return { recordId: record.recordId, result: 'Ok' as const, data, metadata: { partitionKeys } };
      } catch {
        return { recordId: record.recordId, result: 'ProcessingFailed' as const, data: record.data };
      }
    }),
  };
}

/**
 * Reference 2, the floor: a round trip with no conversion at all (base64 decode, UTF-8
 * decode, `JSON.parse`, `JSON.stringify`, base64 encode).
 */
export function roundTripFloor(event: FirehoseTransformationEvent): FirehoseTransformationResult {
  return {
    records: event.records.map((record) => {
      const value: unknown = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
      return {
        recordId: record.recordId,
        result: 'Ok' as const,
        data: Buffer.from(JSON.stringify(value), 'utf8').toString('base64'),
      };
    }),
  };
}
