#!/usr/bin/env node
'use strict';
// The file npm links as `sales-generator`. It exists before the first build (npm links bins at
// install time, when dist/ is not there yet on a fresh clone) and loads the esbuild bundle.
const { existsSync } = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (existsSync(bundle)) require(bundle);
else {
  process.stderr.write('sales-generator: not built yet; run `npm run build -w @sales/generator` first\n');
  process.exitCode = 1;
}
