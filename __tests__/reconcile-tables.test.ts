import 'cdktf/lib/testing/adapters/jest';
import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { Testing } from 'cdktf';
import fc from 'fast-check';
import { parseChangeRecord, serializeRow, toRow } from '@sales/transform';
import { reconcileRunPrefix } from '@sales/pipeline-spec';
import { ReconcileTables } from '../constructs/data-path/reconcile-tables';
import { SecureBucket } from '../constructs/data-path/secure-bucket';
import { TEST_KEY_ARN } from './helpers/context';
import { synthPipeline } from './helpers/pipeline';

type Table = {
  name: string;
  database_name: string;
  table_type: string;
  parameters: Record<string, string>;
  partition_keys?: Array<{ name: string; type: string }>;
  storage_descriptor: {
    location: string;
    input_format: string;
    output_format: string;
    compressed: boolean;
    ser_de_info: { serialization_library: string; parameters?: Record<string, string> };
    columns: Array<{ name: string; type: string }>;
  };
};

const BUCKET = /\$\{aws_s3_bucket\.Lake_Bucket_[A-F0-9]+\.bucket\}/.source;

describe('ReconcileTables', () => {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const bucket = new SecureBucket(scope, 'Lake', { bucketName: 'lake', kmsKeyArn: TEST_KEY_ARN }).bucket;
      const database = new GlueCatalogDatabase(scope, 'Database', { name: 'sales_test' });
      new ReconcileTables(scope, 'ReconcileTables', { database, bucket });
    }),
  ) as { resource: { aws_glue_catalog_table: Record<string, Table> } };
  const tables = Object.values(json.resource.aws_glue_catalog_table);
  const table = (name: string): Table => {
    const found = tables.find((t) => t.name === name);
    if (found === undefined) throw new Error(`no table ${name}`);
    return found;
  };

  test('Test default behaviors: two external TEXTFILE tables of one string column, in the given database', () => {
    expect(tables.map((t) => t.name).sort()).toEqual(['order_change_lines', 'reconcile_rows']);
    for (const t of tables) {
      expect(t.database_name).toMatch(/^\$\{aws_glue_catalog_database\.Database\.name\}$/);
      expect(t.table_type).toBe('EXTERNAL_TABLE');
      expect(t.parameters['EXTERNAL']).toBe('TRUE');
      expect(t.storage_descriptor).toMatchObject({
        input_format: 'org.apache.hadoop.mapred.TextInputFormat',
        output_format: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        compressed: true,
        ser_de_info: { serialization_library: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe' },
      });
      expect(t.storage_descriptor.columns.map(({ name, type }) => ({ name, type }))).toEqual([
        { name: 'json', type: 'string' },
      ]);
    }
  });

  test('keeps the default field delimiter (0x01): no SerDe parameter could split a line', () => {
    for (const t of tables) expect(t.storage_descriptor.ser_de_info.parameters).toBeUndefined();
  });

  test('order_change_lines reads every change row under sales/, unpartitioned and not projected', () => {
    const lines = table('order_change_lines');
    expect(lines.storage_descriptor.location).toMatch(new RegExp(`^s3://${BUCKET}/sales/$`));
    expect(lines.partition_keys).toBeUndefined();
    expect(Object.keys(lines.parameters)).toEqual(['EXTERNAL']);
  });

  test('reconcile_rows projects an injected run partition onto reconcile/<run>/, escaped for Terraform', () => {
    const rows = table('reconcile_rows');
    expect(rows.storage_descriptor.location).toMatch(new RegExp(`^s3://${BUCKET}/reconcile/$`));
    expect(rows.partition_keys).toEqual([expect.objectContaining({ name: 'run', type: 'string' })]);
    expect(rows.parameters).toEqual({
      EXTERNAL: 'TRUE',
      'projection.enabled': 'true',
      'projection.run.type': 'injected',
      'storage.location.template': expect.stringMatching(new RegExp(`^s3://${BUCKET}/reconcile/\\$\\$\\{run\\}/$`)),
    });
  });

  test('the template Terraform writes locates the folder the CLI writes a run into', () => {
    // Terraform turns `$${run}` into the literal `${run}`; Athena then substitutes the run from the WHERE clause.
    const template = table('reconcile_rows').parameters['storage.location.template']!.replace(
      new RegExp(BUCKET),
      'lake',
    );
    const athenaTemplate = template.replace('$${', '${');
    expect(athenaTemplate.replace('${run}', 'r-1733030000000000')).toBe(
      `s3://lake/${reconcileRunPrefix('r-1733030000000000')}`,
    );
  });
});

describe('row lines read by LazySimpleSerDe', () => {
  /** A Pipes-delivered INSERT whose customer name is `name`. */
  const insertRecord = (name: string) =>
    JSON.stringify({
      eventID: 'e-1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        ApproximateCreationDateTime: 1736941000,
        Keys: { order_id: { S: 'o-1' } },
        NewImage: { order_id: { S: 'o-1' }, customer_name: { S: name } },
        SequenceNumber: '100',
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });

  test('a line never contains the field delimiter 0x01 nor a line break before its end, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        const parsed = parseChangeRecord(insertRecord(name));
        if (!parsed.ok) throw new Error(parsed.detail);
        const row = toRow(parsed.value);
        if (!row.ok) throw new Error(row.detail);
        const bytes = Buffer.from(serializeRow(row.value), 'utf8');
        expect(bytes.includes(0x01)).toBe(false);
        expect(bytes.indexOf(0x0a)).toBe(bytes.length - 1);
      }),
      { numRuns: 200, examples: [['\u0001'], ['a\nb\r'], ['\u0000\u0002\u0003'], ['価格\ud800']] },
    );
  });
});

describe('ReconcileTables in the stack', () => {
  const { json } = synthPipeline('dev');
  const tables = json.resource['aws_glue_catalog_table'] ?? {};
  const idOf = (name: string) => Object.keys(tables).find((id) => tables[id]!['name'] === name);

  test('puts both tables in the Glue database of order_changes', () => {
    const database = tables[idOf('order_changes')!]!['database_name'];
    expect(tables[idOf('order_change_lines')!]!['database_name']).toBe(database);
    expect(tables[idOf('reconcile_rows')!]!['database_name']).toBe(database);
  });

  test('leaves them out of the crawler, which targets order_changes only', () => {
    const crawler = Object.values(json.resource['aws_glue_crawler'] ?? {})[0] as {
      catalog_target: Array<{ tables: string[] }>;
    };
    expect(crawler.catalog_target.flatMap((target) => target.tables)).toEqual([
      `\${aws_glue_catalog_table.${idOf('order_changes')}.name}`,
    ]);
  });
});
