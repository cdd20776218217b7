#!/usr/bin/env node
'use strict';
// The file npm links as `sales-lake`: loads the TypeScript entry point through tsx, so the command works
// straight after `npm ci`, with no build step (the package is private, never published).
require('tsx/cjs');
require('../src/cli.ts');
