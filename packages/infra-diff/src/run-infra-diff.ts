import { ExitCode } from '@sales/command-line';
import { diffStacks } from './diff-stacks';
import { InfraDiffError } from './errors';
import { findRepoRoot, resolveCommit } from './git';
import { PROGRAM, USAGE, parseOptions, type InfraDiffOptions } from './options';
import { renderJson } from './render-json';
import { renderMarkdown, type DiffLabels } from './render-markdown';
import { synthesizeCommit, synthesizeWorkingTree, type RegisterCleanup } from './synthesize-ref';
import type { AppDiff } from './types';

/** Where the CLI runs and writes: injected so tests and the entry point share one code path. */
export interface CliContext {
  readonly cwd: string;
  /** Primary output (the report). */
  readonly stdout: (text: string) => void;
  /** Messages: progress and errors. */
  readonly stderr: (text: string) => void;
  readonly registerCleanup: RegisterCleanup;
}

/** Exit codes of `infra:diff`: the shared ones. */
export const EXIT = ExitCode;

/** `origin/main (1a2b3c4)`, or just the short sha when the ref is one. */
const label = (ref: string, sha: string): string =>
  sha.startsWith(ref.toLowerCase()) ? sha.slice(0, Math.max(7, ref.length)) : `${ref} (${sha.slice(0, 7)})`;

/**
 * Synthesizes both sides and diffs them.
 *
 * @param options - validated options
 * @param context - working directory, output and cleanup registration
 * @returns the diff and the labels naming both sides
 * @throws {@link InfraDiffError} when a ref is unknown or a synth fails
 */
export async function computeInfraDiff(
  options: InfraDiffOptions,
  context: CliContext,
): Promise<{ diff: AppDiff; labels: DiffLabels }> {
  const repoRoot = await findRepoRoot(context.cwd);
  const baseCommit = await resolveCommit(repoRoot, options.base);
  const headCommit = options.head === undefined ? undefined : await resolveCommit(repoRoot, options.head);
  const labels = {
    base: label(options.base, baseCommit),
    head: options.head === undefined || headCommit === undefined ? 'working tree' : label(options.head, headCommit),
  };
  context.stderr(`${PROGRAM}: synthesizing ${labels.base} and ${labels.head}…\n`);
  const [base, head] = await Promise.allSettled([
    synthesizeCommit(repoRoot, baseCommit, context.registerCleanup),
    headCommit === undefined
      ? synthesizeWorkingTree(repoRoot, context.registerCleanup)
      : synthesizeCommit(repoRoot, headCommit, context.registerCleanup),
  ]);
  if (base.status === 'rejected') throw base.reason;
  if (head.status === 'rejected') throw head.reason;
  return { diff: diffStacks(base.value, head.value), labels };
}

/**
 * The whole command: parse flags, synthesize, diff, print. Never throws.
 *
 * @param argv - arguments after the program name
 * @param context - working directory, output and cleanup registration
 * @returns the exit code: 0 printed a diff, 1 the run failed, 2 usage error
 */
export async function runInfraDiff(argv: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseOptions(argv);
  if (parsed.kind === 'help') {
    context.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage-error') {
    context.stderr(`${parsed.message}\n`);
    return EXIT.usage;
  }
  try {
    const { diff, labels } = await computeInfraDiff(parsed.options, context);
    context.stdout(parsed.options.json ? renderJson(diff, labels) : renderMarkdown(diff, labels));
    return EXIT.ok;
  } catch (error) {
    const message =
      error instanceof InfraDiffError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`;
    context.stderr(`${PROGRAM}: ${message}\n`);
    return EXIT.failed;
  }
}
