import { diffValues, stripIndices } from '../../src/diff-values';

describe('diffValues', () => {
  test.each([
    ['equal scalars', 1, 1, []],
    ['changed scalar', 'a', 'b', [{ path: '', before: 'a', after: 'b' }]],
    ['nested object', { a: { b: 1 } }, { a: { b: 2 } }, [{ path: 'a.b', before: 1, after: 2 }]],
    ['added key', { a: 1 }, { a: 1, b: { c: true } }, [{ path: 'b', after: { c: true } }]],
    ['removed key', { a: 1, b: 2 }, { a: 1 }, [{ path: 'b', before: 2 }]],
    ['longer list', [1], [1, 2], [{ path: '[1]', after: 2 }]],
    ['list of blocks', { l: [{ n: 'a' }] }, { l: [{ n: 'b' }] }, [{ path: 'l[0].n', before: 'a', after: 'b' }]],
    ['type change', { a: [1] }, { a: { x: 1 } }, [{ path: 'a', before: [1], after: { x: 1 } }]],
    ['null vs value', { a: null }, { a: 0 }, [{ path: 'a', before: null, after: 0 }]],
    ['odd key', { 'a.b': 1 }, { 'a.b': 2 }, [{ path: '"a.b"', before: 1, after: 2 }]],
    ['nested odd key', { t: { 'k:v': 1 } }, { t: { 'k:v': 2 } }, [{ path: 't["k:v"]', before: 1, after: 2 }]],
    ['JSON string', { p: '{"a":1}' }, { p: '{"a":2}' }, [{ path: 'p.a', before: 1, after: 2 }]],
    ['reformatted JSON string', { p: '{"a":1}' }, { p: '{ "a": 1 }' }, [{ path: 'p', before: '{"a":1}', after: '{ "a": 1 }' }]],
    ['broken JSON string', { p: '{"a":' }, { p: '{"a":2}' }, [{ path: 'p', before: '{"a":', after: '{"a":2}' }]],
  ])('%s', (_name, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });

  test('returns keys in sorted order, independent of input order', () => {
    const changes = diffValues({ b: 1, a: 1 }, { a: 2, b: 2 });
    expect(changes.map((c) => c.path)).toEqual(['a', 'b']);
  });
});

describe('stripIndices', () => {
  test.each([
    ['attribute[1].type', 'attribute.type'],
    ['a[0].b[12].c', 'a.b.c'],
    ['name', 'name'],
  ])('%s -> %s', (input, expected) => expect(stripIndices(input)).toBe(expected));
});
