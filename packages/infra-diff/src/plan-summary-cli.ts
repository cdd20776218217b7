#!/usr/bin/env node
/**
 * `npm run infra:plan-summary -- cdktf.out/stacks/<stack>/plan.json ...`: prints the Markdown plan
 * summary of the given `terraform show -json` files, the stack named after each file's directory.
 * Exit codes: 0 printed, 1 a file is unreadable or not a plan, 2 no file given.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countPlan, renderPlanSummary, type PlanJson } from './plan-summary';

const files = process.argv.slice(2);
if (files.length === 0 || files.some((file) => file.startsWith('-'))) {
  process.stderr.write('infra-plan-summary: give one or more plan.json files (terraform show -json <planfile>), e.g. cdktf.out/stacks/dev/plan.json\n');
  process.exitCode = 2;
} else {
  try {
    const plans = files.map((file) => countPlan(path.basename(path.dirname(path.resolve(file))), JSON.parse(readFileSync(file, 'utf8')) as PlanJson));
    process.stdout.write(renderPlanSummary(plans));
  } catch (error) {
    process.stderr.write(`infra-plan-summary: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
