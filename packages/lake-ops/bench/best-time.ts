/**
 * The bench's one timing rule: the fastest of a few rounds, so a noisy shared machine penalises neither side.
 */

import { sized } from '@sales/testing';

/** Rounds per measurement (one under `BENCH_SIZE=smoke`). */
export const ROUNDS = sized(3, 1);

/**
 * Runs `run` {@link ROUNDS} times and returns the fastest round.
 *
 * @param run - The work to time.
 * @param rounds - How many rounds. @defaultValue ROUNDS
 * @returns Seconds of the fastest round.
 */
export async function bestSeconds(run: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    await run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return fastest;
}
