import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { InfraDiffError } from './errors';

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function linkEntry(repoRoot: string, from: string, to: string): void {
  const stats = lstatSync(from);
  if (!stats.isSymbolicLink()) {
    symlinkSync(from, to);
    return;
  }
  const target = readlinkSync(from);
  const resolved = path.resolve(path.dirname(from), target);
  const isWorkspacePackage = isInside(resolved, repoRoot) && !isInside(resolved, path.join(repoRoot, 'node_modules'));
  // A workspace package must resolve to the checkout's own copy: keep npm's relative link.
  symlinkSync(isWorkspacePackage && !path.isAbsolute(target) ? target : resolved, to);
}

/**
 * Gives a checkout of another ref the repository's installed dependencies, without installing.
 *
 * Linking `node_modules` as one symlink would make workspace packages (`@sales/*`, linked by npm as
 * `../../packages/<name>`) resolve to the main checkout's current sources. Instead every entry is
 * linked one by one, and workspace links are recreated relative to the checkout, so the base ref
 * is synthesized with its own workspace sources and the repository's third-party packages
 * (including any `packages/<name>/node_modules` npm could not hoist).
 *
 * @param repoRoot - the repository whose `node_modules` is installed
 * @param checkout - the other checkout (a git worktree), which has no `node_modules` yet
 * @throws {@link InfraDiffError} when the repository has no `node_modules`
 */
export function linkNodeModules(repoRoot: string, checkout: string): void {
  const source = path.join(repoRoot, 'node_modules');
  if (!existsSync(source)) throw new InfraDiffError(`no node_modules in ${repoRoot}: run npm ci first`);
  const destination = path.join(checkout, 'node_modules');
  mkdirSync(destination);
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(destination, entry.name);
    if (!entry.name.startsWith('@') || !entry.isDirectory()) {
      linkEntry(repoRoot, from, to);
      continue;
    }
    mkdirSync(to);
    for (const scoped of readdirSync(from)) linkEntry(repoRoot, path.join(from, scoped), path.join(to, scoped));
  }
  linkNestedNodeModules(repoRoot, checkout);
}

/** Links `packages/<name>/node_modules` (versions npm could not hoist) into the checkout's copy of each package. */
function linkNestedNodeModules(repoRoot: string, checkout: string): void {
  const packages = path.join(repoRoot, 'packages');
  if (!existsSync(packages)) return;
  for (const name of readdirSync(packages)) {
    const nested = path.join(packages, name, 'node_modules');
    const copy = path.join(checkout, 'packages', name);
    if (existsSync(nested) && existsSync(copy) && !existsSync(path.join(copy, 'node_modules'))) {
      symlinkSync(nested, path.join(copy, 'node_modules'));
    }
  }
}
