/**
 * Entry point of `npm run infra:diff`: wires {@link runInfraDiff} to the process (streams, exit code,
 * signals). On SIGINT or SIGTERM the running git and synth commands are stopped and the temporary
 * worktrees removed; the run then ends with 130 or 143 (a second signal exits at once).
 */
import { handleSignals, runMain } from '@sales/command-line';
import { PROGRAM } from './options';
import { killRunningCommands } from './run-command';
import { runInfraDiff } from './run-infra-diff';

const cleanups = new Set<() => void>();

void runMain(PROGRAM, async (argv) => {
  const signals = handleSignals({
    bin: PROGRAM,
    draining: 'removing temporary worktrees',
    onSignal: () => {
      killRunningCommands();
      for (const cleanup of cleanups) cleanup();
    },
  });
  try {
    const code = await runInfraDiff(argv, {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      registerCleanup: (cleanup) => {
        cleanups.add(cleanup);
        return () => cleanups.delete(cleanup);
      },
    });
    return signals.exitCode() ?? code;
  } finally {
    signals.dispose();
  }
});
