/**
 * checkBoundaries: the package rules `npm test` enforces. A relative import never leaves its package (packages
 * import each other by name), and the folders of a package's `src` never import each other in a cycle.
 */
import { findModuleReferences } from './module-references';
import { folderUnitOf, packageOf, resolveRelative } from './repository-layout';
import { stronglyConnected } from './strongly-connected';

/** A source file to check: its repository-relative path (`/` separators) and its content. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** One relative import, located. */
export interface RelativeImport {
  /** The importing file. */
  readonly file: string;
  /** 1-based line of the specifier. */
  readonly line: number;
  /** The specifier as written. */
  readonly specifier: string;
  /** The file it names (repository-relative), or the normalized path when no file matches. */
  readonly target: string;
}

/** Folders (or `src`-level files) of one package's `src` that all reach each other, and the imports that do it. */
export interface FolderCycle {
  /** The folders, sorted. */
  readonly folders: readonly string[];
  /** Every import from one of the folders to another, in file and line order. */
  readonly imports: readonly RelativeImport[];
}

/** What {@link checkBoundaries} found. */
export interface BoundaryFindings {
  /** Files read. */
  readonly files: number;
  /** Relative imports read. */
  readonly relativeImports: number;
  /** Relative imports whose target is in another package (or outside the repository). */
  readonly leaks: readonly RelativeImport[];
  /** Cycles between folders of a package's `src`. */
  readonly cycles: readonly FolderCycle[];
}

/**
 * Checks every relative import of `files`: each must stay in its package (the root app, `main.ts`,
 * `constructs/`, `scripts/`, `__tests__/`, `bootstrap/`, is one package, `packages/<name>` another), and the
 * folders of each package's `src` and of `constructs/` (a file at the top counts alone, see `folderUnitOf`) must import each other
 * without a cycle. Imports by package name are not checked here: `package.json` declares them.
 *
 * @param files - the repository's source files
 * @returns the findings, sorted by file and line
 * @example
 * ```ts
 * checkBoundaries([{ path: 'constructs/x.ts', text: "import { y } from '../packages/a/src/y';" }]).leaks;
 * //=> [{ file: 'constructs/x.ts', line: 1, specifier: '../packages/a/src/y', target: 'packages/a/src/y' }]
 * ```
 */
export function checkBoundaries(files: readonly SourceFile[]): BoundaryFindings {
  const known = new Set(files.map((file) => file.path));
  const relative: RelativeImport[] = files.flatMap((file) =>
    findModuleReferences(file.path, file.text)
      .filter(({ specifier }) => specifier.startsWith('./') || specifier.startsWith('../'))
      .map(({ specifier, line }) => ({
        file: file.path,
        line,
        specifier,
        target: resolveRelative(file.path, specifier, (path) => known.has(path)),
      })),
  );
  const byPlace = (a: RelativeImport, b: RelativeImport): number => a.file.localeCompare(b.file) || a.line - b.line;
  relative.sort(byPlace);
  return {
    files: files.length,
    relativeImports: relative.length,
    leaks: relative.filter((ref) => packageOf(ref.target) !== packageOf(ref.file)),
    cycles: folderCycles(relative),
  };
}

/** The cycles of the folder graph of every package's `src`, with the imports inside each. */
function folderCycles(imports: readonly RelativeImport[]): FolderCycle[] {
  const between = imports.filter((ref) => {
    const from = folderUnitOf(ref.file);
    const to = folderUnitOf(ref.target);
    return from !== undefined && to !== undefined && from !== to && packageOf(ref.file) === packageOf(ref.target);
  });
  const edges = new Map<string, Set<string>>();
  for (const ref of between) {
    const from = folderUnitOf(ref.file)!;
    edges.set(from, (edges.get(from) ?? new Set()).add(folderUnitOf(ref.target)!));
  }
  return stronglyConnected(edges).map((folders) => ({
    folders,
    imports: between.filter(
      (ref) => folders.includes(folderUnitOf(ref.file)!) && folders.includes(folderUnitOf(ref.target)!),
    ),
  }));
}

const located = (ref: RelativeImport): string => `${ref.file}:${ref.line} -> ${ref.specifier} (${ref.target})`;

/**
 * Words the findings for a test failure: one line per leaving import, then each cycle with the imports that make it.
 *
 * @param findings - from {@link checkBoundaries}
 * @returns the report, `''` when there is nothing to report
 * @example
 * ```ts
 * formatFindings({ files: 1, relativeImports: 0, leaks: [], cycles: [] }); //=> ''
 * ```
 */
export function formatFindings(findings: BoundaryFindings): string {
  const lines: string[] = [];
  if (findings.leaks.length > 0) {
    lines.push(`${findings.leaks.length} relative import(s) leave their package (import the package by name):`);
    lines.push(...findings.leaks.map((ref) => `  ${located(ref)}`));
  }
  for (const cycle of findings.cycles) {
    lines.push(`folder cycle: ${cycle.folders.join(' <-> ')} (move the shared concept to one home), through:`);
    lines.push(...cycle.imports.map((ref) => `  ${located(ref)}`));
  }
  return lines.join('\n');
}
