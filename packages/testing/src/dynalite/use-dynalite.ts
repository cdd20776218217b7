/**
 * useDynalite: one dynalite for the tests of a `describe` block (or a file), started before the first and stopped
 * after the last.
 */
import { type RunningDynalite, startDynalite } from './start-dynalite.js';

/** The dynalite of a test block; read it inside a test or a hook, once `beforeAll` has run. */
export interface DynaliteFixture {
  /** Where it listens, e.g. `http://127.0.0.1:40123`. */
  readonly endpoint: string;
}

/**
 * Registers jest's `beforeAll` (start) and `afterAll` (stop) for a dynalite child process.
 *
 * @returns The fixture; its `endpoint` throws when read before `beforeAll` has run.
 * @example
 * ```ts
 * describe('against dynalite', () => {
 *   const dynalite = useDynalite();
 *   test('…', () => run(['--endpoint', dynalite.endpoint]));
 * });
 * ```
 */
export function useDynalite(): DynaliteFixture {
  let running: RunningDynalite | undefined;
  beforeAll(async () => {
    running = await startDynalite();
  });
  afterAll(async () => running?.stop());
  return {
    get endpoint(): string {
      if (running === undefined) throw new Error('useDynalite: endpoint read before beforeAll started dynalite');
      return running.endpoint;
    },
  };
}
