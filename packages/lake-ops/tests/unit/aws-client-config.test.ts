import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsClientConfig, CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../src/aws-client-config.js';

describe('awsClientConfig', () => {
  test('times out a silent endpoint (throwing, so the SDK retries and then fails) and passes endpoint and region', () => {
    expect(awsClientConfig()).toEqual({
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    });
    expect(awsClientConfig({ endpoint: 'http://127.0.0.1:4567', region: 'eu-west-1' })).toMatchObject({
      endpoint: 'http://127.0.0.1:4567',
      region: 'eu-west-1',
    });
  });

  test('every AWS client sales-lake creates is created with it (a client without timeouts hangs on a silent endpoint)', () => {
    const src = join(__dirname, '..', '..', 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    const constructions = files.flatMap((name) =>
      readFileSync(join(src, name), 'utf8')
        .split('\n')
        .filter((line) => /new \w+Client\(/.test(line) && !line.trim().startsWith('*'))
        .map((line) => `${name}: ${line.trim()}`),
    );
    expect(constructions.length).toBeGreaterThanOrEqual(8);
    for (const line of constructions) expect(line).toMatch(/Client\((awsClientConfig\(|withRegion\()/);
  });
});
