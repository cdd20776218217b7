/**
 * `npm run api:report -w @sales/transform`: regenerates `etc/transform.api.md` from the sources.
 * Run it when you change the public API on purpose, and commit the report with the change, so the
 * reviewer sees the API difference in the pull request. It exits with 1 when API Extractor reports
 * a warning (an undocumented export, say), which the API report test also rejects.
 */
import { checkApiReport, REPORT_FILE } from './api-report';

const { changed, problems } = checkApiReport(true);
for (const problem of problems) process.stderr.write(`warning: ${problem}\n`);
process.stderr.write(changed ? `API report updated: ${REPORT_FILE}\n` : 'API report unchanged.\n');
if (problems.length > 0) {
  process.stderr.write(`${problems.length} API Extractor warning(s): fix them in the doc comments.\n`);
  process.exitCode = 1;
}
