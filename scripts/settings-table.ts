/**
 * `node --import tsx scripts/settings-table.ts`: rewrite the configuration reference of docs/infrastructure.md from
 * the registry of settings (`SETTINGS` in `@sales/pipeline-spec`), between the page's `settings-table` markers.
 * `__tests__/docs.test.ts` fails until the page holds the table the registry gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceSettingsTable } from '@sales/pipeline-spec';
import { REPO_ROOT } from './run-checked-synth';

const page = join(REPO_ROOT, 'docs', 'infrastructure.md');
const before = readFileSync(page, 'utf8');
const after = replaceSettingsTable(before);
if (after !== before) writeFileSync(page, after);
process.stderr.write(
  `${after === before ? 'unchanged' : 'rewrote'}: docs/infrastructure.md, "Configuration reference"\n`,
);
