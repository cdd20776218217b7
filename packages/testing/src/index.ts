/**
 * `@sales/testing`: private test and bench tooling shared by every package (never shipped).
 */
export { type BenchSize, readBenchSize, sized } from './bench-size.js';
export { type RunningDynalite, startDynalite } from './dynalite/start-dynalite.js';
export { type DynaliteFixture, useDynalite } from './dynalite/use-dynalite.js';
export { lakeKeys, rowsPerEventId } from './folders/lake-folder.js';
export {
  type TemporaryFolder,
  type TemporaryFolderOptions,
  useTemporaryFolder,
  useTemporaryFolders,
} from './folders/temporary-folder.js';
export { runSmokeBench, type SmokeBench } from './run-smoke-bench.js';
