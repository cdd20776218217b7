import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkNodeModules } from '../../src/link-node-modules';

describe('linkNodeModules', () => {
  let root: string;
  let repo: string;
  let checkout: string;

  beforeEach(() => {
    // Arrange: an installed repository (third-party packages, a scoped one, npm's workspace links, a nested
    // node_modules) and a checkout of another ref with its own copy of the workspace package.
    root = mkdtempSync(path.join(os.tmpdir(), 'link-node-modules-'));
    repo = path.join(root, 'repo');
    checkout = path.join(root, 'checkout');
    for (const dir of [
      'node_modules/cdktf',
      'node_modules/@cdktf/provider-aws',
      'node_modules/@sales',
      'node_modules/.bin',
      'packages/transform/src',
      'packages/generator/node_modules/commander',
      'packages/generator/src',
    ]) {
      mkdirSync(path.join(repo, dir), { recursive: true });
    }
    symlinkSync('../../packages/transform', path.join(repo, 'node_modules/@sales/transform'));
    writeFileSync(path.join(repo, 'node_modules/.package-lock.json'), '{}');
    for (const dir of ['packages/transform/src', 'packages/generator/src'])
      mkdirSync(path.join(checkout, dir), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('links third-party packages to the repository and workspace packages to the checkout', () => {
    linkNodeModules(repo, checkout);

    const modules = path.join(checkout, 'node_modules');
    expect(realpathSync(path.join(modules, 'cdktf'))).toBe(realpathSync(path.join(repo, 'node_modules/cdktf')));
    expect(realpathSync(path.join(modules, '@cdktf/provider-aws'))).toBe(
      realpathSync(path.join(repo, 'node_modules/@cdktf/provider-aws')),
    );
    expect(realpathSync(path.join(modules, '.bin'))).toBe(realpathSync(path.join(repo, 'node_modules/.bin')));
    expect(existsSync(path.join(modules, '.package-lock.json'))).toBe(true);
    expect(readlinkSync(path.join(modules, '@sales/transform'))).toBe('../../packages/transform');
    expect(realpathSync(path.join(modules, '@sales/transform'))).toBe(
      realpathSync(path.join(checkout, 'packages/transform')),
    );
    expect(realpathSync(path.join(checkout, 'packages/generator/node_modules'))).toBe(
      realpathSync(path.join(repo, 'packages/generator/node_modules')),
    );
  });

  test('fails with a hint when the repository has no node_modules', () => {
    rmSync(path.join(repo, 'node_modules'), { recursive: true });
    expect(() => linkNodeModules(repo, checkout)).toThrow(`no node_modules in ${repo}: run npm ci first`);
  });
});
