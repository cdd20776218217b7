/**
 * `@sales/testing`: private test and bench tooling shared by every package (never shipped).
 */
export { type BenchSize, readBenchSize, sized } from './bench-size.js';
export { runSmokeBench, type SmokeBench } from './run-smoke-bench.js';
export { lakeKeys, rowsPerEventId } from './lake-folder.js';
