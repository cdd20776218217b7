/**
 * Builds the real bin once per test file and runs it as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli } from '../../scripts/build-cli';

/** What a finished CLI run produced. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The bin of a test file, built into a private temporary directory (test files run in parallel). */
export interface BuiltCli {
  /** Its path; read it inside a test or a hook, once `beforeAll` has built it. */
  readonly bin: string;
}

/**
 * Registers jest hooks that bundle `src/cli/cli.ts` with esbuild into a fresh temporary directory before the first
 * test, and remove it after the last.
 *
 * @returns The built bin; its `bin` throws when read before `beforeAll` has run.
 */
export function useBuiltCli(): BuiltCli {
  let dir: string | undefined;
  let bin: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sales-generator-'));
    bin = buildCli(path.join(dir, 'cli.cjs'));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get bin(): string {
      if (bin === undefined) throw new Error('useBuiltCli: bin read before beforeAll built it');
      return bin;
    },
  };
}

/** Environment without AWS credentials or profiles, so the dummy-credential fallback is exercised. */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  env.AWS_CONFIG_FILE = path.join(tmpdir(), 'sales-generator-no-aws-config');
  env.AWS_SHARED_CREDENTIALS_FILE = path.join(tmpdir(), 'sales-generator-no-aws-credentials');
  env.AWS_EC2_METADATA_DISABLED = 'true';
  return env;
}

/** A started bin: the child process and a promise of its result. */
export interface StartedCli {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult>;
}

/**
 * Spawns the bin (no TTY, no AWS configuration) and collects its output.
 *
 * @param bin - Path of the built bin.
 * @param args - CLI arguments.
 * @param onStderr - Called with each stderr chunk.
 * @returns The child and a promise of exit code, signal, stdout and stderr.
 */
export function startBin(bin: string, args: readonly string[], onStderr?: (chunk: string) => void): StartedCli {
  return startCommand(process.execPath, [bin, ...args], onStderr);
}

/**
 * Runs the bin to completion as a user's shell would: the isolated environment without the variable that
 * turns the AWS SDK's Node-version warning off.
 *
 * @param bin - Path of the built bin.
 * @param args - CLI arguments.
 * @returns Exit code, signal, stdout and stderr.
 */
export function runBinAsUser(bin: string, args: readonly string[]): Promise<CliResult> {
  const env = isolatedEnv();
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  return startCommand(process.execPath, [bin, ...args], undefined, env).done;
}

/**
 * Runs any command (e.g. `script` for a pseudo-terminal) to completion, asynchronously, with the isolated environment.
 *
 * @param command - Executable.
 * @param args - Its arguments.
 * @returns Exit code, signal, stdout and stderr.
 */
export function runCommand(command: string, args: readonly string[]): Promise<CliResult> {
  return startCommand(command, args).done;
}

function startCommand(
  command: string,
  args: readonly string[],
  onStderr?: (chunk: string) => void,
  env = isolatedEnv(),
): StartedCli {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/**
 * Runs the bin to completion.
 *
 * @param bin - Path of the built bin.
 * @param args - CLI arguments.
 * @returns Exit code, signal, stdout and stderr.
 */
export function runBin(bin: string, args: readonly string[]): Promise<CliResult> {
  return startBin(bin, args).done;
}
