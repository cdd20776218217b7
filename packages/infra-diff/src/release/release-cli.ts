#!/usr/bin/env node
/**
 * `npm run release:transform -- <patch|minor|major|x.y.z> [--dry-run]`: see {@link releaseTransform}.
 * Exit codes: 0 released (or planned, with --dry-run), 1 the release could not be made, 2 usage error.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { releaseTransform } from './release-transform';

const USAGE = `Usage: npm run release:transform -- <patch|minor|major|x.y.z> [--dry-run]

Bumps @sales/transform (or sets it to x.y.z; the current version releases a prepared one), moves the CHANGELOG's Unreleased section under the new version,
commits package.json, CHANGELOG.md and package-lock.json, and tags transform-v<version>.
Push the commit and the tag to publish (the release workflow runs on the tag).

Options:
  --dry-run    print the new version and tag, change nothing (default: false)
  -h, --help   show this help`;

function main(argv: string[]): number {
  let values: { 'dry-run'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    // Node appends advice about '--' to unknown options; the flag's name is what the user needs.
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '');
    process.stderr.write(`release:transform: ${message} (see --help)\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const request = positionals[0];
  if (positionals.length !== 1 || request === undefined || !/^(patch|minor|major|\d+\.\d+\.\d+)$/.test(request)) {
    process.stderr.write(`release:transform: give one of patch, minor, major or a version x.y.z, received "${positionals.join(' ')}" (see --help)\n`);
    return 2;
  }
  try {
    const repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    const date = new Date().toISOString().slice(0, 10);
    const plan = releaseTransform(repoRoot, request, { date, dryRun: values['dry-run'] === true });
    const verb = values['dry-run'] === true ? 'would release' : 'released';
    process.stdout.write(`${verb} @sales/transform ${plan.from} -> ${plan.to}, tag ${plan.tag}\n`);
    if (values['dry-run'] !== true) process.stdout.write(`publish with: git push --atomic origin HEAD ${plan.tag}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`release:transform: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
