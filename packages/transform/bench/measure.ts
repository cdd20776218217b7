/** Timing of one contender over the same input. */
export interface Timing {
  readonly name: string;
  /** Median wall time of one call, ms. */
  readonly medianMs: number;
}

/**
 * Time several functions on the same input, interleaved round by round so that CPU frequency
 * and GC drift affect all of them alike; report the median per function. Each round starts with
 * the next contender in turn, so none always runs right after the same one and pays for the
 * garbage it left; when Node runs with `--expose-gc`, the heap is also collected before each call.
 *
 * @param contenders - name -> function under test
 * @param rounds - measured rounds (after `warmup` unmeasured ones)
 * @param warmup - unmeasured rounds, so every function is optimised before timing
 * @returns one timing per contender, in the given order
 */
export function timeInterleaved(
  contenders: ReadonlyArray<readonly [string, () => unknown]>,
  rounds: number,
  warmup: number,
): Timing[] {
  const samples = contenders.map(() => [] as number[]);
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const i = (round + turn) % contenders.length;
      const run = (contenders[i] as readonly [string, () => unknown])[1];
      collect?.();
      const start = process.hrtime.bigint();
      run();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (round >= warmup) (samples[i] as number[]).push(elapsed);
    }
  }
  return contenders.map(([name], i) => ({ name, medianMs: median(samples[i] as number[]) }));
}

/**
 * Median of a non-empty list.
 *
 * @param values - numbers
 * @returns the middle value (mean of the two middle ones for an even count)
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
