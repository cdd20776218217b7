#!/usr/bin/env node
'use strict';
// The file npm links as `sales-lake`: loads the TypeScript entry point through tsx, so the command works
// straight after `npm ci`, with no build step (the package is private, never published). The repository's
// tsconfig maps `@sales/transform` to its source, whatever the working directory.
process.env.TSX_TSCONFIG_PATH ??= require('node:path').join(__dirname, '..', '..', '..', 'tsconfig.json');
require('tsx/cjs');
require('../src/cli.ts');
