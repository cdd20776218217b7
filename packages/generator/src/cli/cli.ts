#!/usr/bin/env node
/**
 * The `sales-generator` bin. All behaviour lives in {@link runCli}; `runMain` only sets the exit code.
 */
import { runMain } from '@sales/command-line';
import { runCli } from './run-cli.js';

void runMain('sales-generator', runCli);
