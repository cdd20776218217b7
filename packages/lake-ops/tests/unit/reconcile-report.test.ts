/**
 * The reconcile report accounts for every key: drift, not judged (with reason and when), settled.
 */
import type { ComparedKey, ReconcileResult } from '../../src/reconcile/drift.js';
import { toNotJudged } from '../../src/reconcile/not-judged.js';
import { formatReconcileReport, reconcileVerdict } from '../../src/reconcile/reconcile-report.js';

const FENCE = '1764568500000000-0000000000000000000000000000000000000000'; // read at 2025-12-01T06:00:00Z − 300 s
const compared = (order_id: string, lakeSortKey: string): ComparedKey => ({
  order_id,
  kind: 'extra_in_lake',
  columns: [],
  inFlight: true,
  lakeSortKey,
  fenceSortKey: FENCE,
});

const result = (overrides: Partial<ReconcileResult>): ReconcileResult => ({
  table: 'orders',
  against: 'log',
  last_merge: null,
  columns_not_judged: [],
  table_items: 249,
  lake_keys: 253,
  fence_margin: { seconds: 300, reason: 'the default: allows for skew' },
  drift: [],
  not_judged: [],
  buckets_differing: 4,
  settled: [],
  failed_items: [],
  repair: null,
  complete: true,
  ...overrides,
});

describe('toNotJudged', () => {
  test.each([
    [
      'a change within the margin before the read',
      '1764568790500000-0000000000000000000000000000000000000001',
      'changed_within_margin',
      '2025-12-01T05:59:50Z',
      '2025-12-01T06:04:51Z',
    ],
    [
      'a change in the read second',
      '1764568800000000-0000000000000000000000000000000000000001',
      'changed_after_read',
      '2025-12-01T06:00:00Z',
      '2025-12-01T06:05:01Z',
    ],
    [
      'a change after the read',
      '1764568812000000-0000000000000000000000000000000000000001',
      'changed_after_read',
      '2025-12-01T06:00:12Z',
      '2025-12-01T06:05:13Z',
    ],
  ])('names %s and when a run judges it', (_case, lakeSortKey, reason, changed, judgeAfter) => {
    expect(toNotJudged(compared('o-1', lakeSortKey), 300)).toEqual({
      order_id: 'o-1',
      kind: 'extra_in_lake',
      columns: [],
      reason,
      lake_change_time: changed,
      judge_after: judgeAfter,
    });
  });
});

describe('the reconcile report', () => {
  const notJudged = toNotJudged(compared('o-9', '1764568790500000-0000000000000000000000000000000000000001'), 300);

  test('says "no drift" only when every differing key was judged', () => {
    expect(reconcileVerdict(result({ table_items: 3, lake_keys: 3 }))).toBe('no drift');
    expect(reconcileVerdict(result({ not_judged: [notJudged] }))).toBe(
      'no drift among the keys judged; 1 keys not judged (see below)',
    );
    expect(reconcileVerdict(result({ complete: false }))).toBe('stopped before the end: nothing was judged');
  });

  test('lists the keys not judged with their reason, the margin and when to run again', () => {
    const text = formatReconcileReport(result({ not_judged: [notJudged] }), '.local');

    expect(text).toContain('reconcile orders against .local: no drift among the keys judged; 1 keys not judged');
    expect(text).toContain('  fence margin 300 s: the default: allows for skew');
    expect(text).toContain(
      'changed in the lake within the fence margin before the table was read: o-9 (extra_in_lake, 2025-12-01T05:59:50Z)',
    );
    expect(text).toContain('run reconcile again after 2025-12-01T06:04:51Z to judge them');
  });

  test('says which side it judged: the change log by default', () => {
    expect(formatReconcileReport(result({}), '.local')).toContain(
      "  judged against: the change log (each key's latest row under sales/)",
    );
  });

  test('against orders_current, gives its last merge and the table columns it does not declare', () => {
    const text = formatReconcileReport(
      result({
        against: 'current',
        last_merge: { run_id: 'local-m3', read_until: '2025-12-01T05:55:00.000Z' },
        columns_not_judged: ['gift_note'],
      }),
      '.local',
    );

    expect(text).toContain(
      '  judged against: orders_current, the merged current state: last merged up to 2025-12-01T05:55:00.000Z ' +
        '(run local-m3); keys changed since differ until the next merge',
    );
    expect(text).toContain('  columns not judged (orders_current does not declare them): gift_note');
  });

  test('lists the keys that settled at the re-check', () => {
    const text = formatReconcileReport(result({ settled: ['o-1', 'o-2'] }), '.local');

    expect(text).toContain('settled: 2 keys differed, then matched when re-read (the lake caught up): o-1, o-2');
  });
});
