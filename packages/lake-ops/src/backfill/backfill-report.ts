/**
 * The backfill's tally, its live progress line (stderr, terminals only) and its closing summary.
 */

/** What a backfill did, as the `--json` summary prints it. */
export interface BackfillSummary {
  table: string;
  source: 'scan' | 'export';
  /** The export id, or `scan` for a Scan (each page is its own snapshot, `scan-<µs>`). */
  snapshotId: string;
  /** ISO time of the snapshot: the export time, or the first Scan page's start. */
  snapshotTime: string | null;
  /** ISO time of the earliest fence written: rows sort from here; the lake must hold every change from here on. */
  fence: string | null;
  items: number;
  rows: number;
  /** Items that could not become rows (listed on stderr). */
  failedItems: number;
  objects: number;
  bytes: number;
  dryRun: boolean;
  /** False when interrupted before every item was written. */
  complete: boolean;
}

/**
 * An empty tally for a run.
 *
 * @param table - Table name.
 * @param source - Scan or export.
 * @param dryRun - Whether nothing is written.
 * @returns The tally, all counts zero.
 */
export function newSummary(table: string, source: 'scan' | 'export', dryRun: boolean): BackfillSummary {
  return {
    table,
    source,
    snapshotId: source,
    snapshotTime: null,
    fence: null,
    items: 0,
    rows: 0,
    failedItems: 0,
    objects: 0,
    bytes: 0,
    dryRun,
    complete: false,
  };
}

/**
 * The human summary, for stderr.
 *
 * @param summary - The tally.
 * @param location - The lake, for the message.
 * @returns Lines ending in a newline.
 */
export function formatSummary(summary: BackfillSummary, location: string): string {
  const verb = summary.dryRun ? 'would write' : 'wrote';
  return [
    `backfill ${summary.complete ? 'done' : 'stopped before the end'}: ${summary.table} (${summary.source}, snapshot ${summary.snapshotId})`,
    `  ${summary.items} items read, ${summary.rows} rows, ${summary.failedItems} items failed`,
    `  ${verb} ${summary.objects} objects, ${summary.bytes} bytes to ${location}`,
    `  snapshot time ${summary.snapshotTime ?? '-'}, fence ${summary.fence ?? '-'}: the lake must hold every stream change from the fence on`,
    '',
  ].join('\n');
}

/** Minimum time between two progress updates, in ms. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * A progress reporter that redraws one stderr line, only when stderr is a terminal (clig "Output").
 *
 * @param stderr - Where to draw. @defaultValue process.stderr
 * @returns `update(text)` and `done()`, which clears the line.
 */
export function progressLine(stderr: NodeJS.WriteStream = process.stderr): {
  update(text: () => string): void;
  done(): void;
} {
  let last = 0;
  let drawn = false;
  return {
    update(text) {
      if (!stderr.isTTY || Date.now() - last < PROGRESS_INTERVAL_MS) return;
      last = Date.now();
      drawn = true;
      stderr.write(`\r\x1b[2K${text()}`);
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}
