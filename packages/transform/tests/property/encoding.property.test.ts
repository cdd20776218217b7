import fc from 'fast-check';
import { decodeStrictBase64, isStrictBase64 } from '../../src/decode/base64.js';
import { toIsoMillis } from '../../src/change/event-time.js';
import { base64ish } from './arbitraries.js';

describe('strict base64', () => {
  test('the one-pass decoder accepts exactly what the strict grammar accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          base64ish,
          fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64')),
        ),
        (text) => {
          const decoded = decodeStrictBase64(text);
          expect(decoded !== undefined).toBe(isStrictBase64(text));
          if (decoded !== undefined)
            expect(decoded.toString('base64')).toBe(Buffer.from(text, 'base64').toString('base64'));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('event time formatting', () => {
  test('matches Date#toISOString for every event time the transform accepts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }).map(Number), (micros) => {
        expect(toIsoMillis(micros)).toBe(new Date(Math.floor(micros / 1000)).toISOString());
      }),
      { numRuns: 200 },
    );
  });
});
