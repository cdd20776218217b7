/**
 * How big a bench run is. `BENCH_SIZE=smoke` runs every code path of the bench (child processes
 * included) at a tiny size, so a test can prove in seconds that the bench still runs; unset, or
 * `full`, runs the sizes its figures are quoted at. Every bench package reads the same variable.
 */

/** The bench sizes `BENCH_SIZE` accepts. */
export type BenchSize = 'full' | 'smoke';

/**
 * Read `BENCH_SIZE` from the environment.
 *
 * @param env - the environment to read
 * @returns the size; `full` when the variable is unset or empty
 * @throws Error when the variable holds anything but `full` or `smoke`
 * @example
 * ```ts
 * readBenchSize({ BENCH_SIZE: 'smoke' }); //=> 'smoke'
 * ```
 */
export function readBenchSize(env: NodeJS.ProcessEnv = process.env): BenchSize {
  const value = env['BENCH_SIZE'] ?? '';
  if (value === '' || value === 'full') return 'full';
  if (value === 'smoke') return 'smoke';
  throw new Error(`BENCH_SIZE must be full or smoke, received "${value}"`);
}

/**
 * Pick a size constant for this run.
 *
 * @param full - the value the bench's figures are quoted at
 * @param smoke - the tiny value for `BENCH_SIZE=smoke`
 * @returns `smoke` when `BENCH_SIZE=smoke`, else `full`
 * @example
 * ```ts
 * const rounds = sized(25, 2); //=> 2 under BENCH_SIZE=smoke
 * ```
 */
export function sized<T>(full: T, smoke: T): T {
  return readBenchSize() === 'smoke' ? smoke : full;
}
