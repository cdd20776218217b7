/**
 * The flags every `sales-lake` subcommand shares, written once; each subcommand spreads them into its table.
 */
import { HELP_FLAG, VERSION_FLAG, type FlagTable } from '@sales/command-line';

/**
 * `--table`, `--endpoint`, `--lake`, `--json`, `--dry-run`, `-h/--help`, `--version`, as every subcommand takes them
 * (`--version` is answered by the dispatcher, before the subcommand runs).
 */
export const LAKE_FLAGS = {
  table: { type: 'string', value: 'name', description: 'the DynamoDB table the lake mirrors' },
  endpoint: {
    type: 'string',
    value: 'url',
    description: 'DynamoDB-compatible endpoint, e.g. http://127.0.0.1:4567',
    defaultText: 'the AWS regional endpoint',
  },
  lake: {
    type: 'string',
    value: 'DIR|s3://bucket/prefix',
    description: 'the lake: a local folder (npm run local) or the lake bucket',
  },
  json: { type: 'boolean', description: 'print the summary as one JSON object on stdout', defaultText: 'off' },
  'dry-run': { type: 'boolean', description: 'check and report what would be done; write nothing', defaultText: 'off' },
  help: HELP_FLAG,
  version: VERSION_FLAG,
} as const satisfies FlagTable;
