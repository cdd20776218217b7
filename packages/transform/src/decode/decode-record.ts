import { isUtf8 } from 'node:buffer';
import { decodeStrictBase64 } from './base64.js';
import { describeValue, fail, type Parsed } from '../shared/parsed.js';

/**
 * Decode the `data` of a Firehose record: strict base64, then strict UTF-8. Unlike
 * `Buffer.from(data, 'base64').toString()`, which never throws and silently turns garbage into
 * garbage (and invalid UTF-8 into U+FFFD), every irregularity becomes a failure.
 *
 * @param data - the record's `data` field
 * @returns the text, or `empty-data` / `bad-base64` / `invalid-utf8`
 * @example
 * ```ts
 * decodeRecord('eyJhIjoxfQ==');  //=> { ok: true, value: '{"a":1}' }
 * decodeRecord('%%%not-base64'); //=> { ok: false, reason: 'bad-base64', detail: '...' }
 * ```
 */
export function decodeRecord(data: unknown): Parsed<string> {
  if (typeof data !== 'string')
    return fail('bad-base64', `data must be a base64 string, received ${describeValue(data)}`);
  if (data === '') return fail('empty-data', 'data is empty');
  const bytes = decodeStrictBase64(data);
  if (bytes === undefined) {
    return fail(
      'bad-base64',
      `data is not padded standard base64 (${data.length} characters, starting ${JSON.stringify(data.slice(0, 16))})`,
    );
  }
  if (!isUtf8(bytes)) return fail('invalid-utf8', `the ${bytes.length} decoded bytes are not valid UTF-8`);
  return { ok: true, value: bytes.toString('utf8') };
}
