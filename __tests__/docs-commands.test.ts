/**
 * The docs are executable: every command block of the pages an operator follows is run exactly as written, from the
 * repository root, in the environment of a new user (no AWS variables), and each command must end with the exit code
 * and print the text the page says. A doc edit that breaks a command fails `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../constructs/data-path/transform-bundle';
import { type DocCommand, readDocBlocks, showsInOrder } from './helpers/doc-commands';

/** The pages an operator follows, in the order a newcomer reads them. */
const PAGES = ['README.md', 'docs/local.md', 'docs/operations.md'] as const;

/** Commands of a runnable block that this test cannot run, and why. */
const NOT_RUN: Readonly<Record<string, string>> = {
  'npm ci': 'CI runs exactly this before npm test, in a clean clone',
  'npm test': 'this test runs inside it',
};

/** Why a block's info string says it is not run here. */
const TAGS: Readonly<Record<string, { reason: string; evidence: RegExp }>> = {
  aws: {
    reason: 'needs an AWS account',
    evidence: /s3:\/\/|\baws |cdktf (deploy|diff|output|destroy)|terraform output/,
  },
};

/**
 * A new user's environment: the machine's PATH and HOME, no AWS settings, no test-runner variables, and not CI
 * (a laptop; in CI `npm run synth` refuses a local state, which is what these pages use).
 */
function newUserEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(AWS_|JEST_|NODE_ENV$|NODE_OPTIONS$|npm_|INIT_CWD$|CI$)/.test(name)) env[name] = value;
  return { ...env, CHECKPOINT_DISABLE: '1' };
}

/** Marks the end of one command's output and its exit code in the page's shell session. */
const SENTINEL = /\n?<<<doc-exit:(\d+):(\d+)>>>\n/g;

/** Seconds a background service gets before the next command: a person takes that long to type the next line. */
const BACKGROUND_START_SECONDS = 3;

/**
 * The page's commands as one bash session, as a reader types them into one terminal (variables and background
 * services carry over); after each command a sentinel line gives its index and exit code.
 */
function sessionScript(commands: readonly DocCommand[]): string {
  const lines = ['exec 2>&1'];
  commands.forEach((command, index) => {
    if (NOT_RUN[command.text.replace(/\s+#.*$/, '')] !== undefined) return;
    lines.push(command.text);
    if (command.background) lines.push(`sleep ${BACKGROUND_START_SECONDS}`);
    lines.push(`printf '\\n<<<doc-exit:%s:%s>>>\\n' ${index} "$?"`);
  });
  return `${lines.join('\n')}\n`;
}

/** Runs the session; returns each command's exit code and output, by index. */
function runSession(commands: readonly DocCommand[]): Promise<Map<number, { code: number; output: string }>> {
  return new Promise((resolve) => {
    const shell = spawn('bash', ['-s'], { cwd: REPO_ROOT, env: newUserEnvironment(), detached: true });
    let text = '';
    shell.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    shell.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    // A service started with `&` keeps the output pipes open: stop the session's process group once bash is done.
    shell.on('exit', () => {
      if (shell.pid !== undefined) killGroup(shell.pid);
    });
    shell.on('close', () => {
      const results = new Map<number, { code: number; output: string }>();
      let from = 0;
      for (const match of text.matchAll(SENTINEL)) {
        results.set(Number(match[1]), { code: Number(match[2]), output: text.slice(from, match.index) });
        from = (match.index ?? 0) + match[0].length;
      }
      resolve(results);
    });
    shell.stdin.end(sessionScript(commands));
  });
}

/**
 * The pages use fixed places on the machine, as a reader does (port 8000, /tmp/lake): two checkouts testing at once
 * take turns, through a lock folder holding the owner's pid (a lock whose owner is gone is taken over).
 */
async function withMachineLock<T>(work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'sales-pipeline-docs-commands.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // the owner is writing its pid, or removing the lock
      }
      if (owner > 0 && !isAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops whatever the session left running (a background service started with `&`). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // the group is gone already
  }
}

const tail = (text: string): string => text.split('\n').slice(-25).join('\n');

describe.each(PAGES)('%s', (page) => {
  const blocks = readDocBlocks(readFileSync(join(REPO_ROOT, page), 'utf8'));

  test('every shell block is run here or says why not', () => {
    const unknown = blocks.filter((block) => block.tag !== undefined && TAGS[block.tag] === undefined);
    expect(unknown.map((block) => `line ${block.line}: sh ${block.tag}`)).toEqual([]);
    for (const block of blocks.filter((b) => b.tag !== undefined)) {
      const tag = TAGS[block.tag as string];
      // A block tagged `aws` must show why: an s3:// location, an aws or cdktf deploy command.
      expect([block.line, block.commands.some((command) => tag?.evidence.test(command.text))]).toEqual([
        block.line,
        true,
      ]);
    }
  });

  const runnable = blocks.filter((block) => block.tag === undefined).flatMap((block) => block.commands);

  test(`runs its ${runnable.length} commands as written, each with the exit code and output the page gives`, async () => {
    const results = await withMachineLock(() => runSession(runnable));
    runnable.forEach((command, index) => {
      if (NOT_RUN[command.text.replace(/\s+#.*$/, '')] !== undefined) return;
      const where = `${page}:${command.line} \`${command.text}\``;
      const ran = results.get(index) ?? { code: Number.NaN, output: 'the session ended before this command' };
      const expected = command.background ? 0 : command.expect.exitCode;
      expect({ where, code: ran.code, output: ran.code === expected ? '' : tail(ran.output) }).toEqual({
        where,
        code: expected,
        output: '',
      });
      for (const parts of command.expect.prints)
        expect({ where, parts, shown: showsInOrder(ran.output, parts) || tail(ran.output) }).toEqual({
          where,
          parts,
          shown: true,
        });
    });
  }, 900_000);
});
