import { join } from 'node:path';
import { readRepositorySources } from './boundaries/read-repository-sources';

// One AWS client factory, one timeout policy: every client a package creates comes from `createAwsClient` of
// @sales/command-line, whose `AWS_TIMEOUTS` is the only place a request or connection timeout is set.

const FACTORY = 'packages/command-line/src/aws-client.ts';
const sources = readRepositorySources(join(__dirname, '..')).filter((file) =>
  /^packages\/[^/]+\/src\//.test(file.path),
);

/** The code lines (not comments) of every package source matching `pattern`, as `path:line: text`. */
function codeLines(pattern: RegExp): string[] {
  return sources.flatMap((file) =>
    file.text
      .split('\n')
      .map((text, index) => ({ text: text.trim(), line: index + 1 }))
      .filter(({ text }) => pattern.test(text) && !text.startsWith('*') && !text.startsWith('//'))
      .map(({ text, line }) => `${file.path}:${line}: ${text}`),
  );
}

describe('AWS clients', () => {
  test('every client a package creates comes from createAwsClient', () => {
    expect(codeLines(/createAwsClient\(/).length).toBeGreaterThanOrEqual(10);
    expect(codeLines(/new \w+Client\(/)).toEqual([]);
  });

  test('timeouts are set in one place, the policy of createAwsClient', () => {
    const settings = codeLines(/(connection|request)Timeout:/);
    expect(settings.length).toBeGreaterThan(0);
    expect(settings.filter((line) => !line.startsWith(`${FACTORY}:`))).toEqual([]);
  });
});
