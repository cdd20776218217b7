/**
 * Money stays exact: formatting round-trips, and every drawn order adds up to the cent.
 */
import fc from 'fast-check';
import { applyBasisPoints, formatCents, parseCents } from '../../src/model/money';
import { drawOrder } from '../../src/model/order';
import { createRandom } from '../../src/model/random';

describe('money', () => {
  it('parseCents(formatCents(c)) === c for every safe integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), (cents) => {
        const text = formatCents(cents);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(parseCents(text)).toBe(cents);
      }),
      { numRuns: 200 },
    );
  });

  it('reads DynamoDB canonical numbers ("56", "44.5") as the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (cents) => {
        const canonical = formatCents(cents).replace(/0+$/, '').replace(/\.$/, '');
        expect(parseCents(canonical)).toBe(cents);
      }),
      { numRuns: 200 },
    );
  });

  it('rounds basis points half up with integers only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const result = applyBasisPoints(cents, bp);
        expect(Number.isSafeInteger(result)).toBe(true);
        expect(Math.abs(result * 10_000 - cents * bp)).toBeLessThanOrEqual(5000);
      }),
      { numRuns: 200 },
    );
  });

  it('draws orders whose line totals, subtotal, tax, shipping and total add up exactly', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const order = drawOrder(createRandom(seed), 'ord-x-0', '2025-01-15T10:30:00.000Z');
        for (const line of order.lineItems) expect(line.lineTotalCents).toBe(line.unitPriceCents * line.quantity);
        expect(order.subtotalCents).toBe(order.lineItems.reduce((sum, line) => sum + line.lineTotalCents, 0));
        expect(order.itemCount).toBe(order.lineItems.reduce((sum, line) => sum + line.quantity, 0));
        expect(order.totalCents).toBe(order.subtotalCents + order.taxCents + order.shippingCents);
        expect(new Set(order.lineItems.map((line) => line.sku)).size).toBe(order.lineItems.length);
        for (const cents of [order.subtotalCents, order.taxCents, order.shippingCents, order.totalCents]) {
          expect(Number.isSafeInteger(cents) && cents >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
