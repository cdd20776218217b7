/**
 * stronglyConnected: the groups of nodes of a directed graph that reach each other (Tarjan's algorithm).
 */

/**
 * Finds every cycle group: each strongly connected component with more than one node, nodes sorted, groups
 * sorted by their first node, so the answer does not depend on the order edges were added.
 *
 * @param edges - for each node, the nodes it points to
 * @returns the groups of two or more nodes that all reach each other
 * @see https://en.wikipedia.org/wiki/Tarjan%27s_strongly_connected_components_algorithm
 * @example
 * ```ts
 * stronglyConnected(new Map([['a', new Set(['b'])], ['b', new Set(['a', 'c'])], ['c', new Set()]]));
 * //=> [['a', 'b']]
 * ```
 */
export function stronglyConnected(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
