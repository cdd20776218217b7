import { shortenColumnName } from './column-name.js';

/** One column before collision handling: its snake_case name and the raw attribute path it came from. */
export interface NameCandidate {
  /** The name {@link toColumnName} gave it (joined with `_` for nested attributes). */
  readonly name: string;
  /** Raw attribute names from the image root, outermost first. */
  readonly path: readonly string[];
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** An attribute whose raw name already is its column name, at the top level, has first claim on it. */
function isExact(candidate: NameCandidate): boolean {
  return candidate.path.length === 1 && candidate.path[0] === candidate.name;
}

/**
 * Give every candidate a distinct column name, deterministically and without dropping any.
 *
 * When several candidates share a name (`customerId` and `customer_id`, or `a_b` and `a.b`),
 * they are ordered by: the exact top-level attribute first, then by raw path (code-unit order).
 * The first keeps the name; each further one gets `<name>_2`, `<name>_3`, ... (the first such
 * name not otherwise taken). Names in `reserved` (the CDC metadata columns) are never given to
 * an attribute. The result depends only on the set of paths, not on their order in the input.
 *
 * @param candidates - columns of one row (or one nested object)
 * @param reserved - names that are already taken
 * @returns final names, index-aligned with `candidates`
 * @example
 * ```ts
 * resolveColumnNames([{ name: 'customer_id', path: ['customerId'] }, { name: 'customer_id', path: ['customer_id'] }], new Set());
 * //=> ['customer_id_2', 'customer_id']
 * ```
 */
export function resolveColumnNames(candidates: readonly NameCandidate[], reserved: ReadonlySet<string>): string[] {
  const groups = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    const group = groups.get(candidate.name);
    if (group === undefined) groups.set(candidate.name, [index]);
    else group.push(index);
  });
  const taken = new Set<string>([...reserved, ...groups.keys()]);
  const names = candidates.map((candidate) => candidate.name);
  for (const [name, members] of groups) {
    if (members.length === 1 && !reserved.has(name)) continue;
    members.sort((i, j) => {
      const a = candidates[i] as NameCandidate;
      const b = candidates[j] as NameCandidate;
      return Number(isExact(b)) - Number(isExact(a)) || comparePaths(a.path, b.path);
    });
    let suffix = 2;
    members.forEach((member, rank) => {
      if (rank === 0 && !reserved.has(name)) return;
      while (taken.has(shortenColumnName(`${name}_${suffix}`))) suffix++;
      names[member] = shortenColumnName(`${name}_${suffix}`);
      taken.add(names[member] as string);
    });
  }
  return names;
}
