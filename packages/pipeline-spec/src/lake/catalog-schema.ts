import { PARTITION_KEYS, projectionLocationTemplate } from './lake-layout';

/**
 * Schema of the `order_changes` table: the row columns of the row contract (`@sales/transform` README) (order attributes flattened with
 * `_`, plus the `cdc_*` metadata) and the partition columns. The crawler adds columns it discovers later.
 */

/** A Glue column: name and Hive type. */
export interface GlueColumn {
  /** Column name, lower snake_case. */
  readonly name: string;
  /** Hive type, e.g. `string`, `decimal(12,2)`, `array<string>`. */
  readonly type: string;
  /** Shown in the Glue console and `DESCRIBE`. */
  readonly comment?: string;
}

const MONEY = 'decimal(12,2)';
const LINE_ITEM = `struct<sku:string,product_name:string,category:string,quantity:int,unit_price:${MONEY},line_total:${MONEY}>`;

/** Row columns, in the order the transform writes them. */
export const ORDER_CHANGE_COLUMNS: readonly GlueColumn[] = [
  { name: 'order_id', type: 'string', comment: 'Partition key of the orders table' },
  { name: 'customer_id', type: 'string' },
  { name: 'customer_name', type: 'string' },
  { name: 'customer_city', type: 'string' },
  { name: 'customer_country', type: 'string', comment: 'ISO-3166 alpha-2' },
  { name: 'line_items', type: `array<${LINE_ITEM}>` },
  { name: 'item_count', type: 'int' },
  { name: 'subtotal', type: MONEY },
  { name: 'tax', type: MONEY },
  { name: 'shipping', type: MONEY },
  { name: 'total', type: MONEY },
  { name: 'currency', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'created_at', type: 'string', comment: 'ISO-8601 UTC' },
  { name: 'updated_at', type: 'string', comment: 'ISO-8601 UTC' },
  { name: 'expires_at', type: 'bigint', comment: 'TTL, epoch seconds' },
  { name: 'cdc_operation', type: 'string', comment: 'insert | modify | remove' },
  { name: 'cdc_event_id', type: 'string' },
  { name: 'cdc_event_time', type: 'string', comment: 'ISO-8601 UTC; partitions derive from it' },
  { name: 'cdc_sequence_number', type: 'string' },
  { name: 'cdc_sort_key', type: 'string', comment: 'Orders the changes of one item; later sorts higher' },
  { name: 'cdc_table', type: 'string' },
  { name: 'cdc_ttl_expired', type: 'boolean' },
  { name: 'cdc_changed_attributes', type: 'array<string>' },
  {
    name: 'cdc_rejected',
    type: 'string',
    comment: 'JSON text: values a typed column could not take exactly, by column, as DynamoDB JSON',
  },
];

/** Partition columns (strings, zero-padded), matching the Firehose prefix. */
export const PARTITION_COLUMNS: readonly GlueColumn[] = PARTITION_KEYS.map((name) => ({ name, type: 'string' }));

/**
 * The parameters every projected table over the lake's GZIP JSON lines starts with: external, JSON, gzip, files,
 * partition projection on (each table then declares its projected keys).
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html
 */
export const PROJECTED_JSON_TABLE_PARAMETERS: Readonly<Record<string, string>> = {
  EXTERNAL: 'TRUE',
  classification: 'json',
  compressionType: 'gzip',
  typeOfData: 'file',
  'projection.enabled': 'true',
};

/**
 * Table parameters: JSON + GZIP, and partition projection on year/month/day/hour so a new hour is
 * queryable as soon as its first object lands, without a crawl or `MSCK REPAIR`.
 *
 * @param bucketName - the lake bucket (token)
 * @param startYear - first year projection enumerates; the range ends at the current year
 * @returns the Glue table parameters
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 */
export function orderChangesTableParameters(bucketName: string, startYear: number): Record<string, string> {
  return {
    ...PROJECTED_JSON_TABLE_PARAMETERS,
    'projection.year.type': 'date',
    'projection.year.format': 'yyyy',
    'projection.year.range': `${startYear},NOW`,
    'projection.year.interval': '1',
    'projection.year.interval.unit': 'YEARS',
    'projection.month.type': 'integer',
    'projection.month.range': '1,12',
    'projection.month.digits': '2',
    'projection.day.type': 'integer',
    'projection.day.range': '1,31',
    'projection.day.digits': '2',
    'projection.hour.type': 'integer',
    'projection.hour.range': '0,23',
    'projection.hour.digits': '2',
    'storage.location.template': projectionLocationTemplate(bucketName),
  };
}

/**
 * Table parameters the crawler writes after each run. Terraform ignores them (lifecycle
 * `ignore_changes`) so a crawl never shows up as a change in `terraform plan`.
 */
export const CRAWLER_MANAGED_PARAMETERS = [
  'CrawlerSchemaDeserializerVersion',
  'CrawlerSchemaSerializerVersion',
  'UPDATED_BY_CRAWLER',
  'averageRecordSize',
  'objectCount',
  'recordCount',
  'sizeKey',
] as const;
