import {
  ATHENA_MERGE_DIALECT,
  MERGE_SUCCESS_METRIC,
  type MergeRun,
  mergeStatements,
  mergeWindowQuery,
  PARTITION_KEYS,
} from '@sales/pipeline-spec';
import fc from 'fast-check';
import { MERGE_TABLES, mergeDefinition, RUN_VALUES } from '../constructs/current-state/merge-definition';
import { MERGE_FAILED_ERROR, RETRY_FAILED_STATEMENT } from '../constructs/current-state/merge-states';
import { evaluateIntrinsic, parseIntrinsic, placeholderCount, resolvePath } from './helpers/intrinsic';

type State = Record<string, any>;
const props = {
  partition: 'aws',
  workgroupName: 'sales-test-analytics',
  databaseName: 'sales_test',
  latenessSeconds: 25200,
  stateMachineName: 'sales-test-current-state-merge',
};
const definition = JSON.parse(JSON.stringify(mergeDefinition(props))) as {
  StartAt: string;
  States: Record<string, State>;
};
const states = definition.States;

/** Where a state may go next. */
const targets = (state: State): string[] => [
  ...(state['Next'] ? [state['Next']] : []),
  ...(state['Default'] ? [state['Default']] : []),
  ...(state['Choices'] ?? []).map((c: State) => c['Next']),
  ...(state['Catch'] ?? []).map((c: State) => c['Next']),
];

/** Every `States.…` intrinsic in the definition, with where it is. */
const intrinsics = Object.entries(states).flatMap(([name, state]) => {
  const found: [string, string][] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string' && (key.endsWith('.$') || key === 'CausePath') && value.startsWith('States.'))
      found.push([`${name}.${key}`, value]);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
  };
  walk(state, '');
  return found;
});

/** A Choice state's rule, as Step Functions evaluates the comparisons the definition uses. */
function matches(rule: State, input: unknown, context: Record<string, unknown>): boolean {
  if (rule['Not']) return !matches(rule['Not'], input, context);
  const read = (path: string) => {
    try {
      return path.startsWith('$$') ? resolvePath(path.slice(1), context) : resolvePath(path, input);
    } catch {
      return undefined;
    }
  };
  const value = read(rule['Variable']);
  if ('IsPresent' in rule) return (value !== undefined) === rule['IsPresent'];
  if (value === undefined) throw new Error(`States.Runtime: ${rule['Variable']} is not in the input`);
  if ('StringEquals' in rule) return value === rule['StringEquals'];
  if ('StringEqualsPath' in rule) return value === read(rule['StringEqualsPath']);
  if ('StringMatches' in rule)
    return new RegExp(
      `^${String(rule['StringMatches'])
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(String(value));
  throw new Error(`no evaluator for ${JSON.stringify(rule)}`);
}
const choose = (name: string, input: unknown, context: Record<string, unknown> = {}) => {
  const state = states[name]!;
  return (state['Choices'] as State[]).find((rule) => matches(rule, input, context))?.['Next'] ?? state['Default'];
};

/** The statement states of one branch, in the order `Next` runs them. */
function branch(first: string): State[] {
  const chain: State[] = [];
  for (let name = first; name.startsWith('WholeLog_') || name.startsWith('Window_'); name = states[name]!['Next'])
    chain.push(states[name]!);
  return chain;
}
const queryOf = (state: State, input: unknown): string =>
  state['Parameters']['QueryString'] ?? evaluateIntrinsic(parseIntrinsic(state['Parameters']['QueryString.$']), input);

describe('the merge state machine definition', () => {
  test('parses as JSON, and every transition leads to a state that exists', () => {
    expect(states[definition.StartAt]).toBeDefined();
    for (const [name, state] of Object.entries(states))
      for (const target of targets(state))
        expect([name, target, states[target] !== undefined]).toEqual([name, target, true]);
  });

  test('reaches every state from the start, and every path ends in Succeed or Fail', () => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const next = targets(states[name]!);
      if (next.length === 0) expect(['Succeed', 'Fail']).toContain(states[name]!['Type']);
      next.forEach(visit);
    };
    visit(definition.StartAt);
    expect([...seen].sort()).toEqual(Object.keys(states).sort());
  });

  test.each(intrinsics)('%s has as many arguments as its template has {}', (_where, text) => {
    const call = parseIntrinsic(text);
    expect(call.name).toBe('States.Format');
    const [template, ...args] = call.args;
    expect(template?.kind).toBe('string');
    expect(placeholderCount((template as { raw: string }).raw)).toBe(args.length);
  });

  const runValues = fc.record({
    runId: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !s.includes("'") && !s.includes('\u0000')),
    readUntil: fc
      .date({ min: new Date('2025-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    start: fc.date({ min: new Date('2025-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
  });
  const inputOf = (runId: string, readUntil: string, start: Date) => {
    const iso = start.toISOString();
    const parts = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13)];
    return { run: { runId, readUntil }, window: { start: parts.map((VarCharValue) => ({ VarCharValue })) }, parts };
  };

  test('sends exactly the SQL mergeStatements renders, for any run and window', () => {
    fc.assert(
      fc.property(runValues, ({ runId, readUntil, start }) => {
        const { parts, ...input } = inputOf(runId, readUntil, start);
        const [year, month, day, hour] = parts as [string, string, string, string];
        for (const [first, window] of [
          ['Window_record_tombstones', { year, month, day, hour }],
          ['WholeLog_record_tombstones', null],
        ] as const) {
          const run: MergeRun = { mode: 'incremental', runId, readUntil, window };
          const expected = mergeStatements(MERGE_TABLES, run).map((s) => s.sql);
          expect(branch(first).map((state) => queryOf(state, input))).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('runs the window query mergeWindowQuery renders, and reads its hour parts in their column order', () => {
    const sql = mergeWindowQuery(ATHENA_MERGE_DIALECT, MERGE_TABLES.mergeLog, props.latenessSeconds);
    expect(states['FindWindow']!['Parameters']).toEqual({
      QueryString: sql,
      WorkGroup: props.workgroupName,
      QueryExecutionContext: { Database: props.databaseName },
    });
    const columns = [...sql.matchAll(/ AS "(year|month|day|hour)"/g)].map((m) => m[1]);
    expect(columns).toEqual([...PARTITION_KEYS]);
    for (const [index, key] of PARTITION_KEYS.entries())
      expect(RUN_VALUES[key].path).toBe(`$.window.start[${index}].VarCharValue`);
    expect(states['ReadWindow']!['ResultSelector']).toEqual({ 'start.$': '$.ResultSet.Rows[1].Data' });
  });

  test.each([
    ['no merge yet: Athena leaves VarCharValue out of a NULL', [{}, {}, {}, {}], 'WholeLog_record_tombstones'],
    ['an empty hour counts as NULL', [{ VarCharValue: '' }, {}, {}, {}], 'WholeLog_record_tombstones'],
    ['a window', ['2026', '12', '06', '08'].map((VarCharValue) => ({ VarCharValue })), 'Window_record_tombstones'],
  ])('takes the right branch: %s', (_case, start, expected) => {
    expect(choose('WindowOrWholeLog', { window: { start } })).toBe(expected);
  });

  const arn = (name: string) => `arn:aws:states:eu-west-1:123456789012:execution:merge:${name}`;
  test.each([
    ['it is the only running execution', ['me'], 'RunNameIsSafe'],
    ['the listing does not show it yet and nothing else runs', [], 'RunNameIsSafe'],
    ['an older merge runs', ['me', 'older'], 'Skipped'],
    ['it is the oldest of two started together', ['newer', 'me'], 'RunNameIsSafe'],
    ['the listing does not show it yet but an older merge runs', ['older'], 'Skipped'],
  ])('lets one merge run at a time: proceeds or skips when %s', (_case, running, expected) => {
    // ListExecutions lists newest first; the state keeps `$.Executions[-1:]`, the oldest.
    const oldest = running.slice(-1).map((name) => ({ ExecutionArn: arn(name), Name: name }));
    expect(choose('OldestMergeProceeds', { running: { oldest } }, { Execution: { Id: arn('me') } })).toBe(expected);
    expect(states['CheckOtherMerges']!['ResultSelector']).toEqual({ 'oldest.$': '$.Executions[-1:]' });
  });

  test('refuses a run name with a quote, which would end the SQL literal the run id is written in', () => {
    expect(choose('RunNameIsSafe', { run: { runId: "x'; DROP TABLE t; --" } })).toBe('RunNameRefused');
    expect(choose('RunNameIsSafe', { run: { runId: 'c2f1a0e4-5b6d-4a8e-9f00-1234567890ab' } })).toBe('FindWindow');
    expect(states['RunNameRefused']!['Type']).toBe('Fail');
  });

  const statementStates = Object.entries(states).filter(([, s]) =>
    String(s['Resource']).includes('athena:startQueryExecution.sync'),
  );
  test.each(statementStates)(
    '%s runs with .sync in the workgroup, retries failed queries with backoff, then fails naming itself',
    (name, state) => {
      expect(state['Parameters']).toMatchObject({
        WorkGroup: props.workgroupName,
        QueryExecutionContext: { Database: props.databaseName },
      });
      expect(state['Retry']).toEqual([RETRY_FAILED_STATEMENT]);
      expect(RETRY_FAILED_STATEMENT).toMatchObject({
        ErrorEquals: ['States.TaskFailed'],
        MaxAttempts: 4,
        BackoffRate: 2,
      });
      const [catcher] = state['Catch'] as State[];
      expect(catcher).toEqual({ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: `Failed_${name}` });
      const fail = states[catcher!['Next']]!;
      const failure = {
        Error: 'States.TaskFailed',
        Cause: '{"QueryExecution":{"Status":{"State":"FAILED","StateChangeReason":"ICEBERG_COMMIT_ERROR"}}}',
      };
      expect(fail['Error']).toBe(MERGE_FAILED_ERROR);
      expect(evaluateIntrinsic(parseIntrinsic(fail['CausePath']), { failure })).toBe(
        `${name} failed: ${JSON.stringify(failure)}`,
      );
    },
  );

  test('publishes one success datum after the run is recorded, and skipping publishes none', () => {
    expect(branch('Window_record_tombstones').at(-1)!['Next']).toBe('RecordSuccess');
    expect(branch('WholeLog_record_tombstones').at(-1)!['Next']).toBe('RecordSuccess');
    expect(states['RecordSuccess']!['Parameters']).toEqual({
      Namespace: MERGE_SUCCESS_METRIC.namespace,
      MetricData: [
        {
          MetricName: MERGE_SUCCESS_METRIC.metricName,
          Dimensions: [{ Name: MERGE_SUCCESS_METRIC.dimensionName, Value: props.stateMachineName }],
          Value: 1,
          Unit: 'Count',
        },
      ],
    });
    expect(states['Skipped']).toMatchObject({ Type: 'Succeed' });
  });
});
