import type { AttributeMap, AttributeValue, FirehoseTransformationEvent } from '../../src/index.js';

/** Deterministic PRNG (mulberry32), so the batch is the same in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATALOG = [
  ['SKU-RED-MUG', 'Red ceramic mug', 'kitchen', 1250],
  ['SKU-TEA-500G', 'Assam tea 500 g', 'grocery', 1890],
  ['SKU-BLUE-PLATE', 'Blue stoneware plate', 'kitchen', 725],
  ['SKU-USB-C-2M', 'USB-C cable 2 m', 'electronics', 1499],
  ['SKU-YOGA-MAT', 'Yoga mat, cork', 'sports', 4990],
  ['SKU-NOTEBOOK-A5', 'Dotted notebook A5', 'stationery', 899],
  ['SKU-HEADPHONES', 'Wireless headphones', 'electronics', 12900],
  ['SKU-SPOON-SET', 'Teaspoon set (6)', 'kitchen', 99],
] as const;
const CUSTOMERS = [
  ['Amélie Dupont', 'Lyon', 'FR', 'EMEA', 'EUR'],
  ['Kenji Watanabe', 'Osaka', 'JP', 'APAC', 'JPY'],
  ['Zoë Brønstad', 'Bergen', 'NO', 'EMEA', 'NOK'],
  ['María José Núñez', 'Bogotá', 'CO', 'LATAM', 'USD'],
  ['Liam O’Connor', 'Boston', 'US', 'NA', 'USD'],
  ['Priya Raghunathan', 'Leeds', 'GB', 'EMEA', 'GBP'],
] as const;
const CHANNELS = ['web', 'mobile', 'store', 'marketplace'] as const;
const NEXT_STATUS: Readonly<Record<string, string>> = { placed: 'paid', paid: 'shipped', shipped: 'delivered' };

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: string): AttributeValue => ({ N: value });
const money = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** One order item in the shape @sales/generator writes (see CONTRACTS: "Order item in DynamoDB"). */
function orderItem(rnd: () => number, seq: number, epochMs: number): AttributeMap {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const [name, city, country, region, currency] = pick(CUSTOMERS);
  const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
    const [sku, productName, category, priceCents] = pick(CATALOG);
    const quantity = 1 + Math.floor(rnd() * 3);
    return { sku, productName, category, priceCents, quantity, lineCents: priceCents * quantity };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineCents, 0);
  const tax = Math.round(subtotal * 0.2);
  const shipping = subtotal > 5000 ? 0 : 495;
  const created = new Date(epochMs).toISOString();
  return {
    order_id: S(`ord-bench0001-${String(seq).padStart(7, '0')}`),
    customer: {
      M: { id: S(`cus-${1000 + Math.floor(rnd() * 9000)}`), name: S(name), city: S(city), country: S(country) },
    },
    line_items: {
      L: lines.map((line) => ({
        M: {
          sku: S(line.sku),
          product_name: S(line.productName),
          category: S(line.category),
          quantity: N(String(line.quantity)),
          unit_price: N(money(line.priceCents)),
          line_total: N(money(line.lineCents)),
        },
      })),
    },
    item_count: N(String(lines.reduce((sum, line) => sum + line.quantity, 0))),
    subtotal: N(money(subtotal)),
    tax: N(money(tax)),
    shipping: N(money(shipping)),
    total: N(money(subtotal + tax + shipping)),
    currency: S(currency),
    region: S(region),
    channel: S(pick(CHANNELS)),
    status: S('placed'),
    created_at: S(created),
    updated_at: S(created),
    expires_at: N(String(Math.floor(epochMs / 1000) + 400 * 86400)),
  };
}

/** Options for {@link salesOrderBatch}. */
export interface SalesOrderBatchOptions {
  /** Stop adding records once the decoded data reaches this many bytes. @defaultValue 3 MiB */
  readonly targetBytes?: number;
  /** PRNG seed. @defaultValue 42 */
  readonly seed?: number;
}

/**
 * A Firehose event of Pipe-delivered DynamoDB stream records for the orders table, as large as
 * Lambda's biggest processing buffer: about 50% inserts, 35% modifies (status moves on, both
 * images) and 15% removes (old image). Deterministic for a given seed.
 *
 * @param options - size and seed
 * @returns the event and the decoded size of its data
 */
export function salesOrderBatch(options: SalesOrderBatchOptions = {}): {
  event: FirehoseTransformationEvent;
  dataBytes: number;
} {
  const targetBytes = options.targetBytes ?? 3 * 1024 * 1024;
  const rnd = random(options.seed ?? 42);
  const live: AttributeMap[] = [];
  const records = [];
  let dataBytes = 0;
  let seq = 0;
  const startMs = Date.UTC(2025, 0, 15, 10, 0, 0);
  while (dataBytes < targetBytes) {
    const epochMs = startMs + seq * 733;
    const roll = rnd();
    let eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT';
    let newImage: AttributeMap | undefined;
    let oldImage: AttributeMap | undefined;
    if (roll < 0.5 || live.length < 10) {
      newImage = orderItem(rnd, seq, epochMs);
      live.push(newImage);
    } else {
      const index = Math.floor(rnd() * live.length);
      oldImage = live[index] as AttributeMap;
      const status = (oldImage.status as { S: string }).S;
      const next = NEXT_STATUS[status];
      if (roll < 0.85 && next !== undefined) {
        eventName = 'MODIFY';
        newImage = { ...oldImage, status: S(next), updated_at: S(new Date(epochMs).toISOString()) };
        live[index] = newImage;
      } else {
        eventName = 'REMOVE';
        live.splice(index, 1);
      }
    }
    const keyImage = (newImage ?? oldImage) as AttributeMap;
    const record = {
      eventID: (seq * 2654435761).toString(16).padStart(32, '0').slice(-32),
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(epochMs / 1000),
        Keys: { order_id: keyImage.order_id as AttributeValue },
        ...(newImage ? { NewImage: newImage } : {}),
        ...(oldImage ? { OldImage: oldImage } : {}),
        SequenceNumber: String(51724000000000000000000n + BigInt(seq) * 1117n),
        SizeBytes: 400,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/sales-orders/stream/2025-01-15T09:30:12.345',
    };
    const json = Buffer.from(JSON.stringify(record), 'utf8');
    dataBytes += json.length;
    const kinesisSeq = `49657828409187701520019995242508390119953358325${String(seq).padStart(10, '0')}`;
    records.push({
      recordId: `${kinesisSeq}000000000000`,
      approximateArrivalTimestamp: epochMs + 587,
      data: json.toString('base64'),
      kinesisRecordMetadata: {
        shardId: 'shardId-000000000000',
        partitionKey: (keyImage.order_id as { S: string }).S,
        approximateArrivalTimestamp: epochMs + 587,
        sequenceNumber: kinesisSeq,
        subsequenceNumber: 0,
      },
    });
    seq++;
  }
  const event: FirehoseTransformationEvent = {
    invocationId: '00000000-0000-4000-8000-000000000042',
    sourceKinesisStreamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/sales-cdc',
    deliveryStreamArn: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/sales-cdc-to-s3',
    region: 'eu-west-1',
    records,
  };
  return { event, dataBytes };
}
