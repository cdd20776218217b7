/**
 * The flags of `sales-lake backfill`, in `--help` order.
 */
import type { FlagTable } from '@sales/command-line';
import { LAKE_FLAGS } from '../lake-flags.js';
import { FENCE_MARGIN_DEFAULT_TEXT } from '../lake/choose-fence-margin.js';
import { EXPORT_FLAG } from '../table/export-location.js';
import { DEFAULT_SEGMENTS } from '../table-read-flags.js';

/** `sales-lake backfill`'s flags: the shared ones and the backfill's own. */
export const BACKFILL_FLAGS = {
  ...LAKE_FLAGS,
  source: {
    type: 'string',
    value: 'scan|export',
    description: 'read the table with a parallel consistent Scan, or from a point-in-time export',
    defaultText: 'export; scan with --endpoint',
  },
  segments: {
    type: 'string',
    value: 'n',
    description: 'Scan segments read at once (scan)',
    defaultText: String(DEFAULT_SEGMENTS),
  },
  'export-at': {
    type: 'string',
    value: 'time',
    description: 'start an export of the table as of this ISO-8601 time (export)',
    defaultText: 'the latest restorable time, a few minutes ago',
  },
  export: { ...EXPORT_FLAG, description: `${EXPORT_FLAG.description}, instead of starting one (export)` },
  'fence-margin-seconds': {
    type: 'string',
    value: 's',
    description: 'how far before the snapshot second its rows sort (clock skew)',
    defaultText: FENCE_MARGIN_DEFAULT_TEXT,
  },
  'stream-since': {
    type: 'string',
    value: 'time',
    description: 'when change capture started, for endpoints without DynamoDB Streams (dynalite)',
    defaultText: "the table stream's creation time",
  },
} as const satisfies FlagTable;
