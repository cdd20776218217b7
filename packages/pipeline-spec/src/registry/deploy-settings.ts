import { parseChoice } from './config-parse';
import type { SettingEntry } from './setting-entry';
import { text } from './setting-kinds';
import { REGION_PATTERN } from './stack-settings';

/** The backends `SALES_STATE_BACKEND` chooses between. */
export const STATE_BACKEND_TYPES = ['s3', 'local'] as const;
/** One of {@link STATE_BACKEND_TYPES}. */
export type StateBackendType = (typeof STATE_BACKEND_TYPES)[number];

/**
 * A GitHub repository, `<owner>/<repo>`: an owner of letters, digits and `-`, a name of letters, digits, `.`, `_`
 * and `-`. No wildcard can match, so a trust policy built from it names exactly one repository.
 *
 * @example
 * ```ts
 * GITHUB_REPOSITORY_PATTERN.test('acme/sales-pipeline'); //=> true
 * GITHUB_REPOSITORY_PATTERN.test('acme/*'); //=> false
 * ```
 */
export const GITHUB_REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/**
 * Who hears the alarms, who may deploy, and where Terraform keeps its state: rows of the registry ({@link SETTINGS})
 * with no value unless set. The three state rows are parts of one config field, `stateBackend` (`state-backend.ts`).
 *
 * @example
 * ```ts
 * DEPLOY_SETTINGS.alarmEmail.default; //=> undefined (no subscription)
 * ```
 */
export const DEPLOY_SETTINGS = {
  alarmEmail: text({
    variable: 'ALARM_EMAIL',
    doc: 'E-mail address subscribed to the alarm topic.',
    default: undefined,
    defaultText: 'none (no subscription)',
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    expected: 'an e-mail address such as ops@example.com',
    allowed: 'an e-mail address',
  }),
  githubRepository: text({
    variable: 'GITHUB_REPOSITORY',
    doc: "The repository whose workflows may assume the bootstrap stack's plan and deploy roles; read only by `npm run bootstrap:synth`, which requires it.",
    default: undefined,
    defaultText: 'none (required by `npm run bootstrap:synth`)',
    pattern: GITHUB_REPOSITORY_PATTERN,
    expected: '<owner>/<repo>, e.g. acme/sales-pipeline',
    allowed: '`<owner>/<repo>`, e.g. `acme/sales-pipeline`',
  }),
  stateBackendType: {
    variable: 'STATE_BACKEND',
    doc: 'Terraform state backend, chosen explicitly; `local` is how a CI synth keeps local state on purpose.',
    default: undefined,
    defaultText: 's3 when `SALES_STATE_BUCKET` is set, else local (refused in CI, see "State backend")',
    partOf: 'stateBackend',
    allowed: '`s3` / `local`; `s3` needs `SALES_STATE_BUCKET`',
    parse: (variable: string, raw: string) => parseChoice(variable, raw, STATE_BACKEND_TYPES),
  } satisfies SettingEntry<StateBackendType, undefined>,
  stateBucket: text({
    variable: 'STATE_BUCKET',
    doc: 'S3 bucket of the Terraform state; setting it selects the S3 backend.',
    default: undefined,
    defaultText: 'none (local state)',
    partOf: 'stateBackend',
    pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    expected: 'an S3 bucket name (3-63 lower-case letters, digits, "." or "-")',
    allowed: 'an S3 bucket name',
  }),
  stateRegion: text({
    variable: 'STATE_REGION',
    doc: 'Region of the state bucket.',
    default: undefined,
    defaultText: "the stack's region",
    partOf: 'stateBackend',
    pattern: REGION_PATTERN,
    expected: 'an AWS region such as eu-west-1',
    allowed: 'an AWS region',
  }),
} as const;
