/**
 * The `sales-lake replay` flags, in one declarative table: the shared lake flags it uses, and its own.
 */
import type { FlagTable } from '@sales/command-line';
import { LAKE_FLAGS } from '../lake-flags.js';

/** `sales-lake replay`'s flags, in `--help` order. */
export const REPLAY_FLAGS = {
  lake: LAKE_FLAGS.lake,
  force: {
    type: 'boolean',
    description: 'replay error objects again even when their marker says done (writes the same keys)',
    defaultText: 'off',
  },
  dlq: {
    type: 'string',
    value: 'queue url',
    description: "the pipe's dead-letter queue: re-drive its batches from the DynamoDB stream into Kinesis",
  },
  stream: { type: 'string', value: 'name|arn', description: 'with --dlq: the Kinesis stream the pipe writes to' },
  json: LAKE_FLAGS.json,
  'dry-run': LAKE_FLAGS['dry-run'],
  help: LAKE_FLAGS.help,
  version: LAKE_FLAGS.version,
} as const satisfies FlagTable;
