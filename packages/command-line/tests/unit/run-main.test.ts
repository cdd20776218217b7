import { ExitCode, runMain, UsageError } from '../../src/index.js';
import { DEBUG_VARIABLE, describeFailure } from '../../src/run-main.js';

/** Runs `main` through runMain and returns what it wrote to stderr and the exit code it set. */
async function run(main: () => Promise<number>): Promise<{ stderr: string; code: number | string | undefined }> {
  let stderr = '';
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await runMain('tool', main, []);
    return { stderr, code: process.exitCode };
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}

describe('runMain', () => {
  const saved = process.env[DEBUG_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[DEBUG_VARIABLE];
    else process.env[DEBUG_VARIABLE] = saved;
  });

  test('a usage error is one line and exit 2', async () => {
    const { stderr, code } = await run(async () => {
      throw new UsageError('--table is required');
    });
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toBe('tool: --table is required (see --help)\n');
  });

  test('an environment failure (no region, a refused connection) is one line without a stack, and exit 1', async () => {
    delete process.env[DEBUG_VARIABLE];
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    for (const error of [new Error('Region is missing'), refused]) {
      const { stderr, code } = await run(async () => {
        throw error;
      });
      expect(code).toBe(ExitCode.failed);
      expect(stderr).toBe(`tool: ${error.message} (set DEBUG=1 to see the stack)\n`);
    }
  });

  test("an AWS error keeps its name, and only the message's first line", () => {
    delete process.env[DEBUG_VARIABLE];
    const denied = Object.assign(new Error('User is not authorized\nto perform dynamodb:Scan'), {
      name: 'AccessDeniedException',
    });
    expect(describeFailure(denied)).toBe(
      'AccessDeniedException: User is not authorized (set DEBUG=1 to see the stack)',
    );
  });

  test('DEBUG set prints the stack', () => {
    process.env[DEBUG_VARIABLE] = '1';
    const error = new Error('boom');
    expect(describeFailure(error)).toBe(error.stack);
  });
});
