import { readFileSync } from 'node:fs';
import { checkApiReport, REPORT_FILE, type ApiReportResult } from './api-report';

const API_EXTRACTOR_TIMEOUT_MS = 60_000;

describe('public API of @sales/transform', () => {
  let committed: string;
  let checked: ApiReportResult;

  beforeAll(() => {
    // Arrange
    committed = readFileSync(REPORT_FILE, 'utf8');
    // Act: one API Extractor run (a few seconds) serves both tests
    checked = checkApiReport(false);
  }, API_EXTRACTOR_TIMEOUT_MS);

  test('matches the committed report etc/transform.api.md (run `npm run api:report -w @sales/transform` to accept a change)', () => {
    // Assert: the string comparison shows the API difference line by line
    expect(checked.report).toBe(committed);
    expect(checked.changed).toBe(false);
  });

  test('has no API Extractor warnings: every export documented, every {@link} resolved, every public type exported', () => {
    // Assert: the received array lists each warning with its message id and declaration file:line
    expect(checked.problems).toEqual([]);
  });
});
