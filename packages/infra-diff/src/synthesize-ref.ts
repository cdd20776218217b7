import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkNodeModules } from './link-node-modules';
import { synthesize } from './synthesize';
import type { SynthesizedApp } from './types';
import { createTemporaryWorktree } from './worktree';

/** Registers a synchronous cleanup to run on Ctrl-C; returns the function that unregisters it. */
export type RegisterCleanup = (cleanup: () => void) => () => void;

/**
 * Synthesizes one commit in a temporary worktree that shares the repository's `node_modules`,
 * and removes the worktree afterwards, on failure too (and on Ctrl-C through `registerCleanup`).
 *
 * @param repoRoot - the repository
 * @param commit - the commit to synthesize
 * @param registerCleanup - how to have the worktree removed if the process is interrupted
 * @returns the commit's stacks
 * @throws {@link InfraDiffError} when the checkout or the synth fails
 */
export async function synthesizeCommit(
  repoRoot: string,
  commit: string,
  registerCleanup: RegisterCleanup,
): Promise<SynthesizedApp> {
  const worktree = createTemporaryWorktree(repoRoot);
  const unregister = registerCleanup(worktree.remove);
  try {
    await worktree.checkout(commit);
    linkNodeModules(repoRoot, worktree.dir);
    return await synthesize(worktree.dir, worktree.scratch);
  } finally {
    worktree.remove();
    unregister();
  }
}

/**
 * Synthesizes the working tree as it is, uncommitted changes included, into a temporary directory
 * (the checkout's own `cdktf.out` is left alone).
 *
 * @param repoRoot - the repository
 * @param registerCleanup - how to have the temporary output removed if the process is interrupted
 * @returns the working tree's stacks
 * @throws {@link InfraDiffError} when the synth fails
 */
export async function synthesizeWorkingTree(
  repoRoot: string,
  registerCleanup: RegisterCleanup,
): Promise<SynthesizedApp> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'infra-diff-head-'));
  const remove = (): void => rmSync(scratch, { recursive: true, force: true });
  const unregister = registerCleanup(remove);
  try {
    return await synthesize(repoRoot, path.join(scratch, 'out'));
  } finally {
    remove();
    unregister();
  }
}
