/**
 * usePlaceholdersForLocalEndpoint: a client pointed at a local endpoint (dynalite, DynamoDB Local) works with nothing
 * set, as those accept any credentials and any region.
 */

/** The region used for a custom endpoint when the standard chain finds none. */
export const PLACEHOLDER_REGION = 'us-east-1';

/** Credentials used for a custom endpoint when the standard chain finds none (local emulators accept any). */
export const PLACEHOLDER_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

/** What the standard chains did not find. */
export type MissingSetting = 'credentials' | 'region';

/** A region provider and a credentials provider, as an AWS SDK v3 client's configuration takes and holds them. */
export interface RegionAndCredentials {
  region: () => Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's provider takes identity options this passes on untouched.
  credentials: (...args: any[]) => Promise<{ readonly accessKeyId: string; readonly secretAccessKey: string }>;
}

/**
 * Creates a client for a local emulator's endpoint that falls back to {@link PLACEHOLDER_REGION} and
 * {@link PLACEHOLDER_CREDENTIALS} when the standard chains (environment, shared config and SSO profile, web identity,
 * container and instance metadata) find none. What the user set always wins. `onPlaceholder` is called once, at the
 * first request that needed a placeholder, with what was missing. Only use it for an `--endpoint` the user gave: a
 * real AWS endpoint must fail without credentials.
 *
 * `create` is called twice: once without `providers`, for a client that never sends and whose resolved providers
 * are the standard chains, and once with the wrapped providers, which the returned client is built with (the SDK
 * captures the region provider at construction, so it cannot be swapped afterwards).
 *
 * @param create - Builds the client from its usual configuration, spread with `providers` when given.
 * @param onPlaceholder - Told once what was missing, e.g. to print {@link describePlaceholders}. @defaultValue - silent
 * @returns The client.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
 * @example
 * ```ts
 * const endpoint = 'http://127.0.0.1:8000';
 * const client = usePlaceholdersForLocalEndpoint(
 *   (providers) => new DynamoDBClient({ endpoint, ...providers }),
 *   (missing) => process.stderr.write(describePlaceholders('sales-lake', endpoint, missing)),
 * );
 * ```
 */
export function usePlaceholdersForLocalEndpoint<C extends { readonly config: RegionAndCredentials }>(
  create: (providers?: RegionAndCredentials) => C,
  onPlaceholder: (missing: readonly MissingSetting[]) => void = () => undefined,
): C {
  const chains = create().config;
  const missing = new Set<MissingSetting>();
  let told = false;
  const tell = (): void => {
    if (told || missing.size === 0) return;
    told = true;
    onPlaceholder([...missing].sort());
  };
  return create({
    region: async () => {
      try {
        const found = await chains.region();
        if (found) return found;
      } catch {
        // "Region is missing": nothing in the environment, the profile or the instance metadata.
      }
      missing.add('region');
      return PLACEHOLDER_REGION;
    },
    // A request resolves its region first (endpoint and signing parameters), so by now both are known.
    credentials: async (...args) => {
      try {
        return await chains.credentials(...args);
      } catch {
        missing.add('credentials');
        return PLACEHOLDER_CREDENTIALS;
      } finally {
        tell();
      }
    },
  });
}

/**
 * The one line that says placeholders are in use.
 *
 * @param bin - The program name.
 * @param endpoint - The endpoint, as the user gave it.
 * @param missing - What the chains did not find.
 * @returns The line, with a newline, for stderr.
 * @example
 * ```ts
 * describePlaceholders('sales-lake', 'http://127.0.0.1:8000', ['credentials', 'region']);
 * //=> 'sales-lake: --endpoint http://127.0.0.1:8000: no AWS credentials or region set; using placeholders (region us-east-1), as a local endpoint accepts any\n'
 * ```
 */
export function describePlaceholders(bin: string, endpoint: string, missing: readonly MissingSetting[]): string {
  const region = missing.includes('region') ? ` (region ${PLACEHOLDER_REGION})` : '';
  return `${bin}: --endpoint ${endpoint}: no AWS ${missing.join(' or ')} set; using placeholders${region}, as a local endpoint accepts any\n`;
}
