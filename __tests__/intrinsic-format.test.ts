import { escapeIntrinsicString, marker, queryStringParameter } from '../constructs/current-state/intrinsic-format';
import { evaluateIntrinsic, parseIntrinsic } from './helpers/intrinsic';

describe('queryStringParameter', () => {
  const run = { marker: marker('run'), path: '$.run.id' };
  const hour = { marker: marker('hour'), path: '$.hour' };

  test('sends SQL without markers as a plain QueryString', () => {
    expect(queryStringParameter("SELECT 'a{b}c\\\\'", [run])).toEqual({ QueryString: "SELECT 'a{b}c\\\\'" });
  });

  test('puts one {} and one argument per marker occurrence, in the order they occur', () => {
    const sql = `WHERE h >= '${hour.marker}' AND r = '${run.marker}' OR h = '${hour.marker}'`;
    const { 'QueryString.$': format } = queryStringParameter(sql, [run, hour]);
    expect(format).toBe(
      "States.Format('WHERE h >= \\'{}\\' AND r = \\'{}\\' OR h = \\'{}\\'', $.hour, $.run.id, $.hour)",
    );
  });

  test.each([["'"], ['{'], ['}'], ['\\'], ['{}'], ["\\'"], ['\\{}']])(
    'gives back the literal %s exactly, escaped in the template',
    (literal) => {
      const sql = `x${literal}${run.marker}${literal}y`;
      const { 'QueryString.$': format } = queryStringParameter(sql, [run]);
      expect(evaluateIntrinsic(parseIntrinsic(format!), { run: { id: 'R' } })).toBe(`x${literal}R${literal}y`);
    },
  );

  test('refuses SQL with a marker it was not told about', () => {
    expect(() => queryStringParameter(`SELECT '${marker('other')}'`, [run])).toThrow(/marker with no run-time value/);
  });

  test('escapes exactly the four reserved characters', () => {
    expect(escapeIntrinsicString('a\'b{c}d\\e"f')).toBe('a\\\'b\\{c\\}d\\\\e"f');
  });
});
