import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { createOutput } from '../../src/index';

describe('createOutput', () => {
  it('writes and reports true while the reader reads', async () => {
    const chunks: string[] = [];
    const output = createOutput(
      new Writable({
        write(chunk, _encoding, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
    );
    expect(await output.write('a\n')).toBe(true);
    expect(chunks).toEqual(['a\n']);
    expect(output.closed).toBe(false);
  });

  it('reports false and stays closed once the reader closed the pipe', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const output = createOutput(
      new Writable({
        write(_chunk, _encoding, done) {
          done(epipe);
        },
      }),
    );
    expect(await output.write('a\n')).toBe(false);
    expect(output.closed).toBe(true);
    expect(await output.write('b\n')).toBe(false);
  });

  it('rejects on other write errors', async () => {
    const eio = Object.assign(new Error('write EIO'), { code: 'EIO' });
    const output = createOutput(
      new Writable({
        write(_chunk, _encoding, done) {
          done(eio);
        },
      }),
    );
    await expect(output.write('a\n')).rejects.toThrow('write EIO');
  });

  it('returns one output per stream, and from then on a plain write to a closed pipe no longer throws', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        done(epipe);
      },
    });
    const output = createOutput(stream);

    stream.write('stray\n'); // as a help text written with stream.write
    await new Promise((resolve) => setImmediate(resolve));

    expect(createOutput(stream)).toBe(output);
    expect(output.closed).toBe(true);
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('ends a real process quietly when `head -1` closes its stdout', async () => {
    // A child writing lines forever through createOutput, piped into head -1; bash reports the writer's status.
    const code = [
      'const { createOutput } = require(process.argv[1]);',
      'const output = createOutput();',
      "(async () => { let n = 0; while (await output.write('line ' + n++ + '\\n')); process.stderr.write('stopped after reader left\\n'); })();",
    ].join('\n');
    const child = spawn(
      'bash',
      [
        '-c',
        `"${process.execPath}" --import tsx -e "$0" "$1" | head -1; exit "\${PIPESTATUS[0]}"`,
        code,
        require.resolve('../../src/index.ts'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toBe('line 0\n');
    expect(stderr).toBe('stopped after reader left\n');
  });
});
