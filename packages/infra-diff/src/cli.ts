/**
 * Entry point of `npm run infra:diff`: wires {@link runInfraDiff} to the process (streams, exit code,
 * Ctrl-C). On SIGINT/SIGTERM the temporary worktrees are removed before exiting with 130.
 */
import { killRunningCommands } from './run-command';
import { EXIT, runInfraDiff } from './run-infra-diff';

const cleanups = new Set<() => void>();

function interrupt(signal: NodeJS.Signals): void {
  process.stderr.write(`infra-diff: ${signal} received, removing temporary worktrees\n`);
  killRunningCommands();
  for (const cleanup of cleanups) cleanup();
  process.exit(EXIT.interrupted);
}
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

void runInfraDiff(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  registerCleanup: (cleanup) => {
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
  },
}).then((code) => {
  process.exitCode = code;
});
