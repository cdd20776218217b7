import { loadConfig } from '@sales/pipeline-spec';
import { useTemporaryFolder } from '@sales/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finalChecksStage } from '../../src/run/final-checks';
import { toLocalSettings } from '../../src/run/pipeline-settings';
import { SILENT_PROGRESS } from '../../src/run/progress';
import { StageFailedError, StageRunner } from '../../src/run/stage-runner';

const SETTINGS = toLocalSettings(loadConfig('dev', {}), '2025-01-15T00:00:00.000');
const lake = useTemporaryFolder('final-checks-');

/** The checks with no query results and an empty table. */
const input = () => {
  const tableRows = join(lake.path, 'table-rows.jsonl');
  writeFileSync(tableRows, '');
  return {
    lakeDir: lake.path,
    settings: SETTINGS,
    catalogTable: { columns: [], partitionKeys: [] },
    queries: [],
    tableRows,
  };
};

describe('stage checks', () => {
  test('says what it did not judge: no merge wrote orders_current, the window query did not run', async () => {
    const stages = new StageRunner(SILENT_PROGRESS, new AbortController().signal);

    await expect(finalChecksStage(stages, input())).resolves.toEqual({ current: null, lakeVsTable: null });
    expect(stages.reports().at(-1)).toMatchObject({
      name: 'checks',
      status: 'done',
      detail: 'orders_current: no merge wrote it; change log window: not judged (current_orders_from_log did not run)',
    });
  });

  test('a check that cannot run fails the stage with its cause, so the run ends with a summary', async () => {
    const stages = new StageRunner(SILENT_PROGRESS, new AbortController().signal);
    mkdirSync(join(lake.path, 'current'));
    writeFileSync(join(lake.path, 'current', 'orders_current.parquet'), 'not parquet');

    await expect(finalChecksStage(stages, input())).rejects.toBeInstanceOf(StageFailedError);
    expect(stages.reports().at(-1)).toMatchObject({
      name: 'checks',
      status: 'failed',
      detail: expect.stringMatching(/orders_current\.parquet/),
    });
  });
});
