/**
 * Every `sales-lake` subcommand, by name, in `--help` order. A new subcommand is one entry here.
 */
import { BACKFILL_COMMAND } from './backfill/backfill-command.js';
import type { LakeCommand } from './command.js';
import { MERGE_COMMAND } from './merge/merge-command.js';
import { RECONCILE_COMMAND } from './reconcile/reconcile-command.js';
import { REPLAY_COMMAND } from './replay/replay-command.js';

/** The subcommands `sales-lake` dispatches to. */
export const COMMANDS: Readonly<Record<string, LakeCommand>> = {
  backfill: BACKFILL_COMMAND,
  reconcile: RECONCILE_COMMAND,
  replay: REPLAY_COMMAND,
  merge: MERGE_COMMAND,
};
