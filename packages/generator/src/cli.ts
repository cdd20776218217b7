#!/usr/bin/env node
/**
 * The `sales-generator` bin. All behaviour lives in {@link runCli}; this file only sets the exit code.
 */
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sales-generator: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
