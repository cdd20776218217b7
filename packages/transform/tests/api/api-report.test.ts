import { readFileSync } from 'node:fs';
import { checkApiReport, REPORT_FILE } from './api-report';

const API_EXTRACTOR_TIMEOUT_MS = 60_000;

describe('public API of @sales/transform', () => {
  test('matches the committed report etc/transform.api.md (run `npm run api:report -w @sales/transform` to accept a change)', () => {
    // Arrange
    const committed = readFileSync(REPORT_FILE, 'utf8');
    // Act
    const { changed, report, problems } = checkApiReport(false);
    // Assert: the string comparison shows the API difference line by line
    expect(report).toBe(committed);
    expect(changed).toBe(false);
    // A type used by the API but not exported cannot be named by consumers.
    expect(problems.filter((problem) => problem.startsWith('ae-forgotten-export'))).toEqual([]);
  }, API_EXTRACTOR_TIMEOUT_MS);
});
