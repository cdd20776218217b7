import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFolder } from '../../src/index';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'make-folder-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('creates the folder and its missing parents, and accepts one that exists', () => {
    const folder = join(home, 'a', 'b', 'c');

    makeFolder(folder);
    makeFolder(folder);

    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('throws ENOTDIR under a file', () => {
    writeFileSync(join(home, 'file'), '');

    expect(() => makeFolder(join(home, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  (process.platform === 'linux' ? it : it.skip)('throws ENOENT at once where mkdir refuses (/proc)', () => {
    expect(() => makeFolder('/proc/make-folder-test/sub')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(existsSync('/proc/make-folder-test')).toBe(false);
  });
});
