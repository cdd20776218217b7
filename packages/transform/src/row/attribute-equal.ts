function singleKey(value: object): string | undefined {
  let type: string | undefined;
  for (const key in value) {
    if (type !== undefined) return undefined;
    type = key;
  }
  return type;
}

function sameMembers(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  if (a.every((member, i) => member === b[i])) return true;
  const sortedB = [...b].sort();
  return [...a].sort().every((member, i) => member === sortedB[i]);
}

/**
 * Whether two DynamoDB attribute values hold the same data: deep comparison where sets
 * (`SS`, `NS`, `BS`) ignore member order and `N` compares the stored text. Malformed values are
 * never equal to anything, so a MODIFY reports them as changed. Never throws.
 *
 * @param a - attribute value
 * @param b - attribute value
 * @returns true when a row built from either would hold the same value
 * @example
 * ```ts
 * attributeValuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] }); //=> true
 * ```
 */
export function attributeValuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const type = singleKey(a);
  if (type === undefined || type !== singleKey(b)) return false;
  const x = (a as Record<string, unknown>)[type];
  const y = (b as Record<string, unknown>)[type];
  switch (type) {
    case 'M': {
      if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
      const mapA = x as Record<string, unknown>;
      const mapB = y as Record<string, unknown>;
      let count = 0;
      for (const key in mapA) {
        if (!(key in mapB) || !attributeValuesEqual(mapA[key], mapB[key])) return false;
        count++;
      }
      for (const _key in mapB) count--;
      return count === 0;
    }
    case 'L': {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!attributeValuesEqual(x[i], y[i])) return false;
      return true;
    }
    case 'SS':
    case 'NS':
    case 'BS':
      return sameMembers(x, y);
    default:
      return x === y && (typeof x !== 'object' || x === null);
  }
}
