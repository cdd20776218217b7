import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FirehoseTransformationEvent } from '../src/index.js';
import { buildLambdaBundle } from '@sales/lambda-bundle';
import { median } from './measure.js';

/** What the Lambda bundle costs: size, cold module load, memory for one batch. */
export interface LambdaFootprint {
  readonly bundleBytes: number;
  /** Median time to `require` the bundle in a fresh process (loader already warm), ms. */
  readonly loadMs: number;
  /** Median time to `require` an empty module in a fresh process, ms (the baseline). */
  readonly emptyLoadMs: number;
  /** Peak RSS of the process over the handler call (event already parsed), MiB. */
  readonly peakRssMiB: number;
  /** Growth of the peak RSS caused by the handler call and serializing its response, MiB. */
  readonly peakRssDeltaMiB: number;
  /** Heap growth over the call, with the response still referenced, MiB. */
  readonly heapDeltaMiB: number;
  /** Size of the serialized response, bytes. */
  readonly responseBytes: number;
}

// The child scripts report through a result file named by their last argument, never through stdout: the
// code they load may write to stdout (the handler writes its summary line there), and that must not break the bench.

// Loads a warm-up module first, so the CommonJS loader's own start-up is not counted, then times the module.
const LOAD_SCRIPT = `require(process.argv[2]);const t=process.hrtime.bigint();require(process.argv[1]);require('node:fs').writeFileSync(process.argv[3],String(Number(process.hrtime.bigint()-t)/1e6));`;

const MEMORY_SCRIPT = `
const fs = require('node:fs');
const { handler } = require(process.argv[1]);
const event = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
global.gc();
const before = process.memoryUsage();
const peakBefore = process.resourceUsage().maxRSS;
handler(event).then((result) => {
  const body = JSON.stringify(result);
  const after = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS;
  fs.writeFileSync(process.argv[3], JSON.stringify({ peakBefore, peak, heapDelta: after.heapUsed - before.heapUsed, responseBytes: Buffer.byteLength(body) }));
});`;

/**
 * Run a child script in a fresh Node process and read what it wrote to its result file.
 * The child's stdout is discarded; its stderr is passed through, so a crash shows its stack.
 */
function runChild(nodeArgs: readonly string[], script: string, args: readonly string[], resultFile: string): string {
  rmSync(resultFile, { force: true });
  execFileSync(process.execPath, [...nodeArgs, '-e', script, ...args, resultFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(resultFile, 'utf8');
}

const MiB = 1024 * 1024;

/**
 * Build the Lambda bundle with {@link buildLambdaBundle} and measure it in fresh Node processes.
 *
 * @param packageDir - the transform package directory
 * @param event - the batch to measure memory with
 * @param loads - how many fresh processes to time each module load in
 * @returns the footprint
 */
export function measureLambdaFootprint(
  packageDir: string,
  event: FirehoseTransformationEvent,
  loads = 15,
): LambdaFootprint {
  const dir = mkdtempSync(join(tmpdir(), 'transform-bench-'));
  try {
    const bundle = buildLambdaBundle(packageDir, join(dir, 'index.js'));
    const empty = join(dir, 'empty.js');
    const warmUp = join(dir, 'warm-up.js');
    writeFileSync(empty, '');
    writeFileSync(warmUp, '');
    const eventFile = join(dir, 'event.json');
    writeFileSync(eventFile, JSON.stringify(event));
    const resultFile = join(dir, 'result.json');
    const load = (file: string): number => Number(runChild([], LOAD_SCRIPT, [file, warmUp], resultFile));
    const bundleLoads: number[] = [];
    const emptyLoads: number[] = [];
    for (let i = 0; i < loads; i++) {
      bundleLoads.push(load(bundle.file));
      emptyLoads.push(load(empty));
    }
    const memory = JSON.parse(runChild(['--expose-gc'], MEMORY_SCRIPT, [bundle.file, eventFile], resultFile)) as {
      peakBefore: number;
      peak: number;
      heapDelta: number;
      responseBytes: number;
    };
    return {
      bundleBytes: bundle.bytes,
      loadMs: median(bundleLoads),
      emptyLoadMs: median(emptyLoads),
      peakRssMiB: (memory.peak * 1024) / MiB,
      peakRssDeltaMiB: ((memory.peak - memory.peakBefore) * 1024) / MiB,
      heapDeltaMiB: memory.heapDelta / MiB,
      responseBytes: memory.responseBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
