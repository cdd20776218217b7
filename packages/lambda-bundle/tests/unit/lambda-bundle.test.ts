import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambdaBundle, LAMBDA_BUILD_OPTIONS } from '@sales/lambda-bundle';

/** A package with a Lambda entry, `src/handler.ts`, that imports a module of its own and a Node built-in. */
function writePackage(dir: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'greeting.ts'),
    'export const greeting = (name: string): string => `hello ${name}`; // a comment esbuild drops\n',
  );
  writeFileSync(
    join(dir, 'src', 'handler.ts'),
    [
      "import { createHash } from 'node:crypto';",
      "import { greeting } from './greeting';",
      'export const handler = async (event: { name: string }) => ({',
      '  text: greeting(event.name),',
      "  digest: createHash('sha256').update(event.name).digest('hex').slice(0, 8),",
      '});',
      '',
    ].join('\n'),
  );
}

describe('buildLambdaBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-bundle-'));
  const packageDir = join(dir, 'package');
  writePackage(packageDir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('bundles src/handler.ts into one CommonJS file that Lambda loads as index.handler', async () => {
    const bundle = buildLambdaBundle(packageDir, join(dir, 'out', 'index.js'));
    const code = readFileSync(bundle.file, 'utf8');

    expect(bundle).toEqual({ file: join(dir, 'out', 'index.js'), bytes: Buffer.byteLength(code) });
    expect(code).not.toMatch(/require\("(?!node:)[^"]+"\)/);
    const loaded = require(bundle.file) as { handler: (event: { name: string }) => Promise<unknown> };
    expect(await loaded.handler({ name: 'orders' })).toEqual({ text: 'hello orders', digest: '1c168adb' });
  });

  test('writes no path, comment or source map, so the bytes depend only on the source', () => {
    const first = readFileSync(buildLambdaBundle(packageDir, join(dir, 'a', 'index.js')).file, 'utf8');
    const second = readFileSync(buildLambdaBundle(packageDir, join(dir, 'b', 'index.js')).file, 'utf8');

    expect(second).toBe(first);
    expect(first).not.toContain(dir);
    expect(first).not.toMatch(/sourceMappingURL|a comment esbuild drops/);
    expect(LAMBDA_BUILD_OPTIONS).toMatchObject({ platform: 'node', target: 'node24', format: 'cjs', minify: true });
  });

  test('bundles another entry when given one, and fails on code that does not compile', () => {
    const entry = join(packageDir, 'src', 'other.ts');
    writeFileSync(entry, "export { greeting as handler } from './greeting';\n");
    expect(buildLambdaBundle(packageDir, join(dir, 'other', 'index.js'), entry).bytes).toBeGreaterThan(0);

    writeFileSync(entry, 'export const handler = (;\n');
    expect(() => buildLambdaBundle(packageDir, join(dir, 'broken', 'index.js'), entry)).toThrow(/Build failed/);
  });
});
