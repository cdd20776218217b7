/**
 * The shape of one `sales-lake` subcommand, so the dispatcher needs to know nothing else about it.
 */
import type { FlagTable } from '@sales/command-line';

/** One subcommand of `sales-lake`. */
export interface LakeCommand {
  /** One line for the command list in `sales-lake --help`. */
  readonly summary: string;
  /** Its flag table, so an error it throws can be told in terms of the flags given (`reportAwsError`). */
  readonly flags: FlagTable;
  /**
   * Runs the subcommand.
   *
   * @param argv - The arguments after the subcommand's name.
   * @returns The exit code (see `ExitCode` in `@sales/command-line`).
   */
  readonly run: (argv: readonly string[]) => Promise<number>;
}
