/**
 * The calls each AWS service documents making with a data-path role (data-path-calls.ts), evaluated against the
 * role's inline policy in the synthesized dev stack, with the KMS key, bucket and queue policies.
 */
import { synthPipeline } from '../helpers/pipeline';
import { currentStateOutsideLake } from './current-state-calls';
import { DATA_PATH_ROLES, firehoseOutsideLake, recentFirehoseOutsidePath } from './data-path-calls';
import { simulateRequest, type RequestVerdict } from './simulate-request';
import { stackFacts } from './stack-facts';

const facts = stackFacts(synthPipeline('dev').json);
const simulated: Record<string, { requests: number; denied: number }> = {};

const evaluate = async (role: string, requests: ReturnType<(typeof DATA_PATH_ROLES)[number]['requests']>) => {
  const { arn, policy } = facts.roles[role]!;
  const verdicts: RequestVerdict[] = [];
  for (const req of requests) verdicts.push(await simulateRequest(facts, arn, { [`${role}-policy`]: policy }, req));
  return verdicts;
};

describe('data-path roles', () => {
  test('the stack has exactly the roles the table covers', () => {
    expect(Object.keys(facts.roles).sort()).toEqual(DATA_PATH_ROLES.map((r) => r.role).sort());
  });

  test.each(DATA_PATH_ROLES)('$role is allowed every call its service documents', async ({ role, requests }) => {
    const verdicts = await evaluate(role, requests(facts));
    const denied = verdicts.filter((v) => v.result !== 'Allowed');
    simulated[role] = { requests: verdicts.length, denied: denied.length };
    expect(denied.map((v) => `${v.result}: ${v.request.action} on ${v.request.resource} (${v.request.cause})`)).toEqual(
      [],
    );
  });

  test('denies the Firehose role a write outside sales/ and errors/, and any delete', async () => {
    const verdicts = await evaluate('sales-dev-firehose', firehoseOutsideLake(facts));
    expect(verdicts.map((v) => v.result)).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied']);
  });

  test("denies the low-latency path's role the change log and the main path's error folders", async () => {
    const verdicts = await evaluate('sales-dev-firehose-recent', recentFirehoseOutsidePath(facts));
    expect(verdicts.map((v) => v.result)).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied']);
  });

  test.each(currentStateOutsideLake(facts))('denies %s %o', async (role, req) => {
    expect((await evaluate(role, [req]))[0]!.result).toBe('ImplicitlyDenied');
  });

  test('reports the calls simulated per role, none denied', () => {
    process.stdout.write(`IAM simulation, data-path roles: ${JSON.stringify(simulated)}\n`);
    expect(Object.keys(simulated)).toHaveLength(DATA_PATH_ROLES.length);
    for (const row of Object.values(simulated)) expect(row.denied).toBe(0);
  });
});
