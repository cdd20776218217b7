#!/usr/bin/env node
/**
 * `npm run infra:plan-summary -- cdktf.out/stacks/<stack>/plan.json ...`: prints the Markdown plan
 * summary of the given `terraform show -json` files, the stack named after each file's directory.
 * Exit codes: 0 printed, 1 a file is unreadable or not a plan, 2 usage error (no file, unknown flag).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, HELP_FLAG, parseFlags, renderHelp, runMain, UsageError, type FlagTable } from '@sales/command-line';
import { countPlan, renderPlanSummary, type PlanJson } from './plan-summary';

const BIN = 'infra-plan-summary';
const FLAGS = { help: HELP_FLAG } as const satisfies FlagTable;

void runMain(BIN, async (argv) => {
  const { values, positionals: files } = parseFlags(FLAGS, argv, { maxPositionals: Number.POSITIVE_INFINITY });
  if (values.help === true) {
    process.stdout.write(
      renderHelp({
        usage: ['npm run infra:plan-summary -- <plan.json>...'],
        description: [
          'Prints the Markdown summary of `terraform show -json` plans, each stack named after its directory.',
        ],
        flags: FLAGS,
        exitCodes: [0, 1, 2],
        exitCodeText: { 1: 'a file is unreadable or not a plan' },
      }),
    );
    return ExitCode.ok;
  }
  if (files.length === 0) {
    throw new UsageError(
      'give one or more plan.json files (terraform show -json <planfile>), e.g. cdktf.out/stacks/dev/plan.json',
    );
  }
  try {
    const plans = files.map((file) =>
      countPlan(path.basename(path.dirname(path.resolve(file))), JSON.parse(readFileSync(file, 'utf8')) as PlanJson),
    );
    process.stdout.write(renderPlanSummary(plans));
    return ExitCode.ok;
  } catch (error) {
    process.stderr.write(`${BIN}: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
});
