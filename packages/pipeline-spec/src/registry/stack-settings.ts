import { RESERVED_BUCKET_PREFIXES, reservedBucketPrefixOf } from '../defaults/bucket-name-rules';
import { ConfigError } from './config-error';
import { parsePattern, parseTags } from './config-parse';
import type { SettingEntry } from './setting-entry';
import { flag, text } from './setting-kinds';

/** A name prefix: a lower-case letter, then 1–15 lower-case letters, digits or `-`. */
const NAME_PREFIX = /^[a-z][a-z0-9-]{1,15}$/;
/** What {@link NAME_PREFIX} allows, for the error message. */
const NAME_PREFIX_EXPECTED = '2-16 lower-case letters, digits or "-", starting with a letter';

/**
 * An AWS region name, e.g. `eu-west-1` (GovCloud and ISO partitions included).
 *
 * @example
 * ```ts
 * REGION_PATTERN.test('eu-west-1'); //=> true
 * ```
 */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** A list in words: `a`, `b` or `c`. */
const inWords = (items: readonly string[]): string => `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/** A name prefix: the pattern, and no bucket name starting with a prefix S3 reserves (`xn--`, `sthree-`, ...). */
function parseNamePrefix(variable: string, raw: string): string {
  const value = parsePattern(variable, raw, NAME_PREFIX, NAME_PREFIX_EXPECTED);
  const reserved = reservedBucketPrefixOf(value);
  if (reserved !== undefined)
    throw new ConfigError(
      variable,
      raw,
      `${NAME_PREFIX_EXPECTED}, whose bucket names do not start with S3's reserved "${reserved}"`,
    );
  return value;
}

/** Tags as `SALES_TAGS` gives them: merged over `project` and `environment`. */
const tags: SettingEntry<Record<string, string>, Record<string, string>> = {
  variable: 'TAGS',
  doc: 'Tags on every resource (provider `default_tags`), merged over `project` and `environment`.',
  default: { project: 'sales-pipeline' },
  defaultText: '`project=sales-pipeline,environment=<env>`',
  allowed: '`key=value,key2=value2`, AWS tag characters, no `aws:` keys',
  parse: parseTags,
};

/**
 * Settings of the stack as a whole (physical names, region, tags, and whether its data may be deleted), rows of the
 * registry ({@link SETTINGS}).
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection
 * @example
 * ```ts
 * STACK_SETTINGS.namePrefix.default; //=> 'sales'
 * ```
 */
export const STACK_SETTINGS = {
  namePrefix: {
    variable: 'NAME_PREFIX',
    doc: 'Prefix of every physical name (`<prefix>-<env>-…`).',
    default: 'sales',
    allowed: `2–16 of \`a-z0-9-\`, starting with a letter; bucket names (\`<prefix>-<env>-…\`) must not start with S3's reserved ${inWords(RESERVED_BUCKET_PREFIXES.map((prefix) => `\`${prefix}\``))}`,
    parse: parseNamePrefix,
  } satisfies SettingEntry<string, string>,
  region: text({
    variable: 'REGION',
    doc: 'AWS region of the stack.',
    default: 'eu-west-1',
    pattern: REGION_PATTERN,
    expected: 'an AWS region such as eu-west-1',
    allowed: 'an AWS region',
  }),
  tags,
  deletionProtection: flag({
    variable: 'DELETION_PROTECTION',
    doc: "Protect the environment's data from deletion.",
    default: false,
    environments: { prod: true },
    note: '`true` turns on the table\'s deletion protection and `prevent_destroy` on the KMS key and the lake bucket; `false` gives the lake bucket and the Athena workgroup `force_destroy` (see "Teardown")',
  }),
} as const;
