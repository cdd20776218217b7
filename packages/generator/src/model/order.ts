/**
 * The order as the generator plans it, and how one is drawn from the seeded random source.
 */
import { CURRENCY_BASIS_POINTS, FIRST_NAMES, LAST_NAMES, PLACES, PRODUCTS, type SalesRegion } from './catalog.js';
import { applyBasisPoints } from './money.js';
import { pick, randomInt, type Random } from './random.js';

/** Order lifecycle states: placed -> paid -> shipped -> delivered, or cancelled from placed/paid. */
export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

/** Sales channel the order came through. */
export type SalesChannel = 'web' | 'mobile' | 'store' | 'marketplace';

/** One order line; money in integer cents. */
export interface LineItem {
  /** Stock-keeping unit, e.g. `EL-1001`. */
  readonly sku: string;
  /** Written as `product_name`. */
  readonly productName: string;
  readonly category: string;
  /** 1 to 5. */
  readonly quantity: number;
  /** Price of one unit in the order's currency, in cents (`unit_price`). */
  readonly unitPriceCents: number;
  /** `unitPriceCents * quantity` (`line_total`). */
  readonly lineTotalCents: number;
}

/** A complete order as first written; money in integer cents, times as ISO-8601 UTC with ms. */
export interface Order {
  /** `ord-<run prefix>-<7-digit sequence>`, the table's partition key. */
  readonly orderId: string;
  /** Customer id (`cus-NNNNN`), full name, city and ISO 3166-1 alpha-2 country. */
  readonly customer: { readonly id: string; readonly name: string; readonly city: string; readonly country: string };
  /** 1 to 4 lines of distinct products. */
  readonly lineItems: readonly LineItem[];
  /** Sum of the quantities. */
  readonly itemCount: number;
  /** Sum of the line totals. */
  readonly subtotalCents: number;
  /** The country's VAT / sales-tax rate applied to the subtotal, rounded half up. */
  readonly taxCents: number;
  /** Free in store and above a threshold, otherwise a flat fee. */
  readonly shippingCents: number;
  /** `subtotalCents + taxCents + shippingCents`, exactly. */
  readonly totalCents: number;
  /** ISO 4217 code of the customer's country. */
  readonly currency: string;
  readonly region: SalesRegion;
  readonly channel: SalesChannel;
  /** `placed` when first written. */
  readonly status: OrderStatus;
  /** ISO-8601 UTC with milliseconds. */
  readonly createdAt: string;
  /** Equals `createdAt` when first written; an update sets its own time. */
  readonly updatedAt: string;
  /** TTL in epoch seconds, when the plan sets one. */
  readonly expiresAt?: number;
}

const CHANNELS: readonly SalesChannel[] = ['web', 'web', 'web', 'mobile', 'mobile', 'store', 'marketplace'];

/** Converts a euro list price to the currency's price, ending in .99 (.00 for INR-sized units is fine). */
function localPriceCents(euroCents: number, currency: string): number {
  const basisPoints = CURRENCY_BASIS_POINTS[currency] ?? 10000;
  const whole = Math.max(1, Math.round(applyBasisPoints(euroCents, basisPoints) / 100));
  return whole * 100 - 1;
}

function shippingFor(channel: SalesChannel, subtotalCents: number, currency: string): number {
  if (channel === 'store') return 0;
  const threshold = localPriceCents(5000, currency) + 1;
  return subtotalCents >= threshold ? 0 : localPriceCents(500, currency);
}

/**
 * Draws one new order (status `placed`) from the random source.
 *
 * @param random - Seeded random source; the same sequence gives the same order.
 * @param orderId - The id to give it.
 * @param createdAt - ISO-8601 creation time.
 * @param expiresAt - Optional TTL in epoch seconds.
 * @returns An order whose totals add up exactly.
 */
export function drawOrder(random: Random, orderId: string, createdAt: string, expiresAt?: number): Order {
  const place = pick(random, PLACES);
  const channel = pick(random, CHANNELS);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const customerId = `cus-${String(randomInt(random, 1, 99999)).padStart(5, '0')}`;
  const lineCount = randomInt(random, 1, 4);
  const skus = new Set<string>();
  const lineItems: LineItem[] = [];
  while (lineItems.length < lineCount) {
    const product = pick(random, PRODUCTS);
    if (skus.has(product.sku)) continue;
    skus.add(product.sku);
    const quantity = random() < 0.75 ? 1 : randomInt(random, 2, 5);
    const unitPriceCents = localPriceCents(product.priceCents, place.currency);
    lineItems.push({
      sku: product.sku,
      productName: product.name,
      category: product.category,
      quantity,
      unitPriceCents,
      lineTotalCents: unitPriceCents * quantity,
    });
  }
  const subtotalCents = lineItems.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const taxCents = applyBasisPoints(subtotalCents, place.taxBasisPoints);
  const shippingCents = shippingFor(channel, subtotalCents, place.currency);
  return {
    orderId,
    customer: { id: customerId, name: `${first} ${last}`, city: place.city, country: place.country },
    lineItems,
    itemCount: lineItems.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents,
    taxCents,
    shippingCents,
    totalCents: subtotalCents + taxCents + shippingCents,
    currency: place.currency,
    region: place.region,
    channel,
    status: 'placed',
    createdAt,
    updatedAt: createdAt,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}
