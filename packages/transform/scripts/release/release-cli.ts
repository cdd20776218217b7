#!/usr/bin/env node
/**
 * `npm run release:transform -- <patch|minor|major|x.y.z> [--dry-run]`: see {@link releaseTransform}.
 * Exit codes: 0 released (or planned, with --dry-run), 1 the release could not be made, 2 usage error
 * (including a bump that would skip a version never released, when no terminal can confirm it).
 */
import { execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { ExitCode, HELP_FLAG, parseFlags, renderHelp, runMain, UsageError, type FlagTable } from '@sales/command-line';
import { RELEASE_KINDS } from './bump-version';
import { planRelease, releaseTransform, type ReleasePlan, type RequestedRelease } from './release-transform';

const BIN = 'release:transform';

const FLAGS = {
  'dry-run': { type: 'boolean', description: 'print the new version and tag, change nothing', defaultText: 'off' },
  help: HELP_FLAG,
} as const satisfies FlagTable;

const HELP = renderHelp({
  usage: ['npm run release:transform -- <patch|minor|major|x.y.z> [--dry-run]'],
  description: [
    'Bumps @sales/transform (or sets it to x.y.z; the current version releases a prepared one), moves the\n' +
      "CHANGELOG's Unreleased section under the new version, commits package.json, CHANGELOG.md and\n" +
      'package-lock.json, and tags transform-v<version>. Push the commit and the tag to publish (the release\n' +
      'workflow runs on the tag). A bump from a version that was never tagged asks for the intended version.',
  ],
  flags: FLAGS,
  exitCodes: [0, 1, 2],
});

/** Asks, on a terminal, which version is meant when a bump would skip an unreleased one. */
async function confirmVersion(plan: RequestedRelease, warning: string): Promise<string> {
  if (process.stdin.isTTY !== true) {
    throw new UsageError(`${warning}; give the intended version: ${plan.from} to release it, or ${plan.to}`);
  }
  process.stderr.write(`${BIN}: warning: ${warning}\n`);
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await prompt.question(`version to release [${plan.from}]: `)).trim();
    return answer === '' ? plan.from : answer;
  } finally {
    prompt.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseFlags(FLAGS, argv, { maxPositionals: 1 });
  if (values.help === true) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const kinds = `${RELEASE_KINDS.join(', ')} or a version x.y.z`;
  const [request] = positionals;
  if (request === undefined) throw new UsageError(`give one of ${kinds}`);
  const repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const dryRun = values['dry-run'] === true;
  const date = new Date().toISOString().slice(0, 10);
  let version = request;
  const planned = planRelease(repoRoot, request);
  if (planned.skipsUnreleased !== undefined) version = await confirmVersion(planned, planned.skipsUnreleased);
  let plan: ReleasePlan;
  try {
    plan = releaseTransform(repoRoot, version, { date, dryRun });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    process.stderr.write(`${BIN}: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  process.stdout.write(
    `${dryRun ? 'would release' : 'released'} @sales/transform ${plan.from} -> ${plan.to}, tag ${plan.tag}\n`,
  );
  if (!dryRun) process.stdout.write(`publish with: git push --atomic origin HEAD ${plan.tag}\n`);
  return ExitCode.ok;
}

void runMain(BIN, main);
