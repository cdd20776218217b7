/**
 * The `sales-lake` entry point (`npm run backfill|reconcile|replay|merge`). All behaviour lives in {@link runCli}.
 */
import { runMain } from '@sales/command-line';
import { runCli } from './run-cli.js';

void runMain('sales-lake', runCli);
