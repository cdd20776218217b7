import { formatSummaryLine, transformFirehoseEvent, type BatchSummary } from '../../src/index.js';
import { readEvent } from '../support/fixtures.js';

/** A summary of the malformed-records fixture: failures, examples and reason counts all present. */
const summary: BatchSummary = transformFirehoseEvent(readEvent('firehose-event-malformed.json')).summary;

describe('formatSummaryLine', () => {
  test('without a function name writes exactly the summary as one JSON line', () => {
    // Act
    const line = formatSummaryLine(summary, undefined);
    // Assert
    expect(line).toBe(`${JSON.stringify(summary)}\n`);
    expect(JSON.parse(line)).not.toHaveProperty('functionName');
  });

  test('treats an empty function name as none (CloudWatch dimension values cannot be empty)', () => {
    expect(formatSummaryLine(summary, '')).toBe(`${JSON.stringify(summary)}\n`);
  });

  test.each(['sales-dev-transform', 'sales-prod-transform'])(
    'with "%s" appends functionName after the summary fields, which keep their order and bytes',
    (functionName) => {
      // Act
      const line = formatSummaryLine(summary, functionName);
      // Assert
      const withoutName = JSON.stringify(summary);
      expect(line).toBe(`${withoutName.slice(0, -1)},"functionName":${JSON.stringify(functionName)}}\n`);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual([...Object.keys(summary), 'functionName']);
      expect(parsed['functionName']).toBe(functionName);
      expect(line.indexOf('\n')).toBe(line.length - 1);
    },
  );

  test('does not change the summary it is given', () => {
    const before = JSON.stringify(summary);
    formatSummaryLine(summary, 'sales-dev-transform');
    expect(JSON.stringify(summary)).toBe(before);
  });
});
