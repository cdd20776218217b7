/**
 * The Lambda bundle's entry point (`@sales/lambda-bundle` bundles this file; handler string
 * `index.handler`). Re-export only, like `index.ts`: the handler lives in `firehose/handler.ts`.
 */
export { handler } from './firehose/handler.js';
