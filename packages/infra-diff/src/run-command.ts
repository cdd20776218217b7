import { spawn, type ChildProcess } from 'node:child_process';
import { InfraDiffError } from './errors';

/** Output of a finished child process. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** How much of a failed command's output an error message quotes (its last characters). */
const QUOTED_OUTPUT_CHARS = 4000;

const running = new Set<ChildProcess>();

/**
 * Stops every command still running, with the processes they started (each runs in its own process
 * group), so an interrupted run leaves no synth behind. Synchronous; safe in a signal handler.
 */
export function killRunningCommands(): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already exited */
    }
  }
  running.clear();
}

/**
 * Runs a program without a shell, in its own process group, and collects its output; asynchronous
 * so Ctrl-C can be handled (see {@link killRunningCommands}).
 *
 * @param program - executable path or name on PATH
 * @param args - its arguments
 * @param options - `cwd` and extra `env` (merged over `process.env`)
 * @returns stdout and stderr
 * @throws {@link InfraDiffError} when the program cannot start or exits non-zero, quoting the end of its output
 */
export function runCommand(
  program: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) =>
      reject(new InfraDiffError(`could not run ${program}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) return resolve({ stdout, stderr });
      const output = `${stdout}${stderr}`.trim().slice(-QUOTED_OUTPUT_CHARS);
      const status = signal === null ? `exit code ${code}` : `signal ${signal}`;
      reject(
        new InfraDiffError(`${program} ${args.join(' ')} failed (${status})${output === '' ? '' : `:\n${output}`}`),
      );
    });
  });
}
