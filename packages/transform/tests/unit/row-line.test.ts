import {
  createRowSchema,
  parseChangeRecord,
  RowLineWriter,
  serializeRow,
  toPartitionKeys,
  toRow,
  toRowLine,
  transformFirehoseEvent,
  type ChangeRecord,
  type RowOptions,
} from '../../src/index.js';
import { readFixture } from '../support/fixtures.js';

const records = readFixture<Record<string, unknown>[]>('pipe-stream-records-decoded.json');
const schema = createRowSchema([
  { name: 'order_id', type: 'string' },
  { name: 'total', type: 'decimal(12,2)' },
]);

const change = (record: unknown): ChangeRecord => {
  const parsed = parseChangeRecord(JSON.stringify(record));
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.value;
};
/** The line the Firehose handler delivers for a record. */
const handlerLine = (record: unknown, options: RowOptions = {}): string => {
  const data = Buffer.from(JSON.stringify(record)).toString('base64');
  const answer = transformFirehoseEvent({ records: [{ recordId: '1', data }] }, options).result.records[0];
  if (answer?.result !== 'Ok') throw new Error('the handler failed the record');
  return Buffer.from(answer.data, 'base64').toString('utf8');
};
/** A Pipes INSERT of one order with a `total` of `total` and a Zürich customer (multi-byte UTF-8). */
const insertOf = (id: string, total: unknown): Record<string, unknown> => ({
  eventID: `e-${id}`,
  eventName: 'INSERT',
  dynamodb: {
    ApproximateCreationDateTime: 1736937011,
    Keys: { order_id: { S: id } },
    NewImage: { order_id: { S: id }, total, customer: { M: { city: { S: 'Zürich' } } } },
    SequenceNumber: '5172400000000023457312842',
  },
});
const malformed = change(insertOf('o-bad', { N: 'forty-two' }));

describe('toRowLine', () => {
  test.each(records.map((record) => [record.eventName, record] as const))(
    '%s: writes the line the handler delivers and toRow + serializeRow gives',
    (_name, record) => {
      // Act
      const line = toRowLine(change(record));
      // Assert
      expect(line).toEqual({ ok: true, value: handlerLine(record) });
      const row = toRow(change(record));
      expect(row.ok && serializeRow(row.value)).toBe(handlerLine(record));
    },
  );

  test('conforms to a schema like the handler: a rejected value is null and kept in cdc_rejected', () => {
    // Arrange: 12.345 has more decimals than decimal(12,2) holds
    const record = insertOf('o-1', { N: '12.345' });
    // Act
    const line = toRowLine(change(record), { schema });
    // Assert
    expect(line).toEqual({ ok: true, value: handlerLine(record, { schema }) });
    expect(line.ok && JSON.parse(line.value)).toMatchObject({
      total: null,
      customer_city: 'Zürich',
      cdc_rejected: '{"total":{"N":"12.345"}}',
    });
  });

  test('returns a malformed value as a failure, not an exception', () => {
    expect(toRowLine(malformed)).toEqual({
      ok: false,
      reason: 'non-numeric-N',
      detail: 'dynamodb.NewImage.total: N must be a decimal number string, received string "forty-two"',
    });
  });
});

describe('RowLineWriter', () => {
  test('holds the lines of the changes written, in order, as UTF-8 bytes', () => {
    // Arrange
    const rows = new RowLineWriter();
    const changes = records.map(change);
    // Act
    for (const each of changes) rows.write(each);
    // Assert
    expect(rows.lineCount).toBe(changes.length);
    const expected = changes.map((each) => (toRowLine(each) as { value: string }).value).join('');
    expect(rows.byteLength).toBe(Buffer.byteLength(expected));
    expect(Buffer.from(rows.take()).toString('utf8')).toBe(expected);
  });

  test("answers each row's cdc_event_time, from which toPartitionKeys gives its partition", () => {
    const written = new RowLineWriter().write(change(insertOf('o-1', { N: '5' })));
    expect(written).toEqual({ ok: true, value: '2025-01-15T10:30:11.000Z' });
    expect(written.ok && toPartitionKeys(written.value)).toEqual({ year: '2025', month: '01', day: '15', hour: '10' });
  });

  test('appends nothing for a change with a malformed value, and goes on with the next', () => {
    // Arrange
    const rows = new RowLineWriter({ schema });
    const good = change(insertOf('o-1', { N: '12.345' }));
    // Act
    const failed = rows.write(malformed);
    rows.write(good);
    // Assert
    expect(failed).toMatchObject({ ok: false, reason: 'non-numeric-N' });
    expect(rows.lineCount).toBe(1);
    expect(Buffer.from(rows.take()).toString('utf8')).toBe((toRowLine(good, { schema }) as { value: string }).value);
  });

  test('grows past its first megabyte and starts empty after take, keeping its storage', () => {
    // Arrange: about 3,000 rows of 400 bytes, more than the initial 1 MiB buffer
    const rows = new RowLineWriter();
    const big = change(insertOf(`o-${'x'.repeat(300)}`, { N: '1' }));
    const line = (toRowLine(big) as { value: string }).value;
    // Act
    for (let i = 0; i < 3000; i++) rows.write(big);
    const taken = Buffer.from(rows.take());
    // Assert
    expect(taken.toString('utf8')).toBe(line.repeat(3000));
    expect([rows.lineCount, rows.byteLength, rows.take().length]).toEqual([0, 0, 0]);
    rows.write(big);
    expect(Buffer.from(rows.take()).toString('utf8')).toBe(line);
  });
});

describe('RowLineWriter options', () => {
  test('starts at the capacity it is given and still grows past it', () => {
    const rows = new RowLineWriter({ initialBytes: 16 });
    const one = change(insertOf('o-1', { N: '5' }));
    rows.write(one);
    rows.write(one);
    const line = (toRowLine(one) as { value: string }).value;
    expect(Buffer.from(rows.take()).toString('utf8')).toBe(line + line);
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses an initialBytes of %d', (initialBytes) => {
    expect(() => new RowLineWriter({ initialBytes })).toThrow(
      `initialBytes must be a positive whole number of bytes, received ${initialBytes}`,
    );
  });
});
