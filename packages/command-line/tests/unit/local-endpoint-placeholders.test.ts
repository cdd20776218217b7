import {
  describePlaceholders,
  PLACEHOLDER_CREDENTIALS,
  type RegionAndCredentials,
  usePlaceholdersForLocalEndpoint,
} from '../../src/index';

/** A stand-in client: the providers it would resolve with, from `found` (a chain) unless `providers` are given. */
function fakeClient(found: { region?: string; credentials?: { accessKeyId: string; secretAccessKey: string } }) {
  const chain: RegionAndCredentials = {
    region: async () => found.region ?? Promise.reject(new Error('Region is missing')),
    credentials: async () => found.credentials ?? Promise.reject(new Error('Could not load credentials')),
  };
  return (providers?: RegionAndCredentials) => ({ config: providers ?? chain });
}

describe('usePlaceholdersForLocalEndpoint', () => {
  test.each([
    [{}, 'us-east-1', PLACEHOLDER_CREDENTIALS, [['credentials', 'region']]],
    [{ region: 'eu-west-1' }, 'eu-west-1', PLACEHOLDER_CREDENTIALS, [['credentials']]],
    [
      { region: 'eu-west-1', credentials: { accessKeyId: 'mine', secretAccessKey: 's' } },
      'eu-west-1',
      { accessKeyId: 'mine', secretAccessKey: 's' },
      [],
    ],
  ])('with %j set: region %s, credentials %j, told %j', async (found, region, credentials, told) => {
    const calls: unknown[] = [];
    const client = usePlaceholdersForLocalEndpoint(fakeClient(found), (missing) => calls.push(missing));

    for (let request = 0; request < 2; request += 1) {
      expect(await client.config.region()).toBe(region);
      expect(await client.config.credentials()).toEqual(credentials);
    }

    expect(calls).toEqual(told);
  });

  test('describePlaceholders names the endpoint and what was missing', () => {
    expect(describePlaceholders('sales-lake', 'http://127.0.0.1:8000', ['credentials'])).toBe(
      'sales-lake: --endpoint http://127.0.0.1:8000: no AWS credentials set; using placeholders, as a local endpoint accepts any\n',
    );
  });
});
