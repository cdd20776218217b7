import { parseChangeRecord, serializeRow, toJsonNumber, toRow } from '../../src/index.js';

describe('toJsonNumber (number policy: JSON numbers with the stored digits)', () => {
  test.each([
    ['44.98', '44.98'],
    ['12.50', '12.50'],
    ['0', '0'],
    ['-7', '-7'],
    ['1234567890123456789012345', '1234567890123456789012345'],
    ['0.12345678901234567890123456789012345678', '0.12345678901234567890123456789012345678'],
    ['12345678901234567890123456789012345678', '12345678901234567890123456789012345678'],
    ['9.9999999999999999999999999999999999999E+125', '9.9999999999999999999999999999999999999E+125'],
    ['1E-130', '1E-130'],
    ['1E+30', '1E+30'],
    ['+5', '5'],
    ['007.50', '7.50'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-00', '-0'],
  ])('%s -> %s', (stored, json) => {
    expect(toJsonNumber(stored)).toBe(json);
    expect(Number.isNaN(JSON.parse(json))).toBe(false);
  });

  test.each(['forty-three', '', '-', '.', 'NaN', 'Infinity', '0x10', '1_000', ' 5', '5 ', '1e', '1.2.3', '--1'])(
    'rejects %p',
    (text) => {
      expect(toJsonNumber(text)).toBeUndefined();
    },
  );
});

describe('numbers in rows', () => {
  const record = (attributes: Record<string, unknown>): string =>
    JSON.stringify({
      eventID: 'e1',
      eventName: 'INSERT',
      dynamodb: {
        ApproximateCreationDateTime: 1736937011,
        Keys: { id: { S: 'a' } },
        NewImage: { id: { S: 'a' }, ...attributes },
      },
    });
  const lineOf = (attributes: Record<string, unknown>): string => {
    const change = parseChangeRecord(record(attributes));
    if (!change.ok) throw new Error(change.detail);
    const row = toRow(change.value);
    if (!row.ok) throw new Error(row.detail);
    return serializeRow(row.value);
  };

  test('keeps a money column numeric whatever its size, so the column type never changes', () => {
    const small = lineOf({ total: { N: '44.98' } });
    const huge = lineOf({ total: { N: '12345678901234567890123456789012345.678' } });
    expect(small).toContain('"total":44.98,');
    expect(huge).toContain('"total":12345678901234567890123456789012345.678,');
    expect(typeof JSON.parse(small).total).toBe('number');
    expect(typeof JSON.parse(huge).total).toBe('number');
  });

  test('sorts number sets by value and keeps their digits', () => {
    expect(lineOf({ rates: { NS: ['10', '9.50', '1234567890123456789012345', '-1'] } })).toContain(
      '"rates":[-1,9.50,10,1234567890123456789012345]',
    );
  });

  test('fails a non-numeric N instead of writing null', () => {
    const change = parseChangeRecord(record({ total: { N: 'forty-three' } }));
    const row = change.ok ? toRow(change.value) : change;
    expect(row).toEqual({
      ok: false,
      reason: 'non-numeric-N',
      detail: 'dynamodb.NewImage.total: N must be a decimal number string, received string "forty-three"',
    });
  });
});
