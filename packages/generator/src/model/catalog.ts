/**
 * Reference data for generated orders: products, places and people. Static, so plans are reproducible.
 */

/** A sales region, as the analytics layer groups countries. */
export type SalesRegion = 'EMEA' | 'NA' | 'APAC' | 'LATAM';

/** A product a customer can order; `priceCents` is the list price in euro cents. */
export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly priceCents: number;
}

/** A city customers live in, with what it implies for the order. */
export interface Place {
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly region: SalesRegion;
  readonly currency: string;
  /** Sales tax / VAT rate in basis points (1900 = 19 %). */
  readonly taxBasisPoints: number;
}

/** Price of one euro in each currency, in basis points (10000 = 1.00). */
export const CURRENCY_BASIS_POINTS: Readonly<Record<string, number>> = {
  EUR: 10000,
  USD: 10800,
  GBP: 8600,
  CAD: 14700,
  AUD: 16400,
  SGD: 14500,
  INR: 900000,
  BRL: 53500,
  MXN: 184000,
};

/** The product catalogue. */
export const PRODUCTS: readonly Product[] = [
  { sku: 'EL-1001', name: 'Wireless Earbuds', category: 'electronics', priceCents: 7999 },
  { sku: 'EL-1002', name: 'USB-C Charger 65W', category: 'electronics', priceCents: 3499 },
  { sku: 'EL-1003', name: 'Bluetooth Speaker', category: 'electronics', priceCents: 5999 },
  { sku: 'EL-1004', name: 'E-Reader', category: 'electronics', priceCents: 12999 },
  { sku: 'EL-1005', name: 'Smartwatch', category: 'electronics', priceCents: 19999 },
  { sku: 'HO-2001', name: 'French Press', category: 'home', priceCents: 2999 },
  { sku: 'HO-2002', name: 'Cast Iron Skillet', category: 'home', priceCents: 3999 },
  { sku: 'HO-2003', name: 'Linen Duvet Cover', category: 'home', priceCents: 8999 },
  { sku: 'HO-2004', name: 'Desk Lamp', category: 'home', priceCents: 4499 },
  { sku: 'AP-3001', name: 'Merino Sweater', category: 'apparel', priceCents: 6999 },
  { sku: 'AP-3002', name: 'Running Shoes', category: 'apparel', priceCents: 10999 },
  { sku: 'AP-3003', name: 'Rain Jacket', category: 'apparel', priceCents: 11999 },
  { sku: 'AP-3004', name: 'Cotton T-Shirt', category: 'apparel', priceCents: 1999 },
  { sku: 'BK-4001', name: 'Designing Data-Intensive Applications', category: 'books', priceCents: 4299 },
  { sku: 'BK-4002', name: 'The Pragmatic Programmer', category: 'books', priceCents: 3899 },
  { sku: 'BK-4003', name: 'Atlas of Remote Islands', category: 'books', priceCents: 2499 },
  { sku: 'SP-5001', name: 'Yoga Mat', category: 'sports', priceCents: 3499 },
  { sku: 'SP-5002', name: 'Adjustable Dumbbells', category: 'sports', priceCents: 24999 },
  { sku: 'SP-5003', name: 'Water Bottle 1L', category: 'sports', priceCents: 1499 },
  { sku: 'GR-6001', name: 'Single-Origin Coffee 1kg', category: 'grocery', priceCents: 2899 },
  { sku: 'GR-6002', name: 'Matcha Tea 100g', category: 'grocery', priceCents: 1899 },
  { sku: 'TO-7001', name: 'Wooden Puzzle', category: 'toys', priceCents: 2299 },
  { sku: 'TO-7002', name: 'Building Blocks Set', category: 'toys', priceCents: 5499 },
];

/** Cities customers live in. */
export const PLACES: readonly Place[] = [
  { city: 'Berlin', country: 'DE', region: 'EMEA', currency: 'EUR', taxBasisPoints: 1900 },
  { city: 'Munich', country: 'DE', region: 'EMEA', currency: 'EUR', taxBasisPoints: 1900 },
  { city: 'Paris', country: 'FR', region: 'EMEA', currency: 'EUR', taxBasisPoints: 2000 },
  { city: 'Lyon', country: 'FR', region: 'EMEA', currency: 'EUR', taxBasisPoints: 2000 },
  { city: 'Madrid', country: 'ES', region: 'EMEA', currency: 'EUR', taxBasisPoints: 2100 },
  { city: 'Amsterdam', country: 'NL', region: 'EMEA', currency: 'EUR', taxBasisPoints: 2100 },
  { city: 'Milan', country: 'IT', region: 'EMEA', currency: 'EUR', taxBasisPoints: 2200 },
  { city: 'London', country: 'GB', region: 'EMEA', currency: 'GBP', taxBasisPoints: 2000 },
  { city: 'Manchester', country: 'GB', region: 'EMEA', currency: 'GBP', taxBasisPoints: 2000 },
  { city: 'New York', country: 'US', region: 'NA', currency: 'USD', taxBasisPoints: 888 },
  { city: 'Austin', country: 'US', region: 'NA', currency: 'USD', taxBasisPoints: 825 },
  { city: 'Seattle', country: 'US', region: 'NA', currency: 'USD', taxBasisPoints: 1035 },
  { city: 'Toronto', country: 'CA', region: 'NA', currency: 'CAD', taxBasisPoints: 1300 },
  { city: 'Sydney', country: 'AU', region: 'APAC', currency: 'AUD', taxBasisPoints: 1000 },
  { city: 'Singapore', country: 'SG', region: 'APAC', currency: 'SGD', taxBasisPoints: 900 },
  { city: 'Bengaluru', country: 'IN', region: 'APAC', currency: 'INR', taxBasisPoints: 1800 },
  { city: 'São Paulo', country: 'BR', region: 'LATAM', currency: 'BRL', taxBasisPoints: 1700 },
  { city: 'Mexico City', country: 'MX', region: 'LATAM', currency: 'MXN', taxBasisPoints: 1600 },
];

/** Given names of generated customers. */
export const FIRST_NAMES: readonly string[] = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Elif',
  'Farah',
  'Gabriel',
  'Hana',
  'Ivan',
  'Julia',
  'Kenji',
  'Lucía',
  'Mateo',
  'Nia',
  'Oscar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Victor',
  'Wei',
  'Zoe',
];

/** Family names of generated customers. */
export const LAST_NAMES: readonly string[] = [
  'Müller',
  'Dubois',
  'García',
  'Rossi',
  'Smith',
  'Nguyen',
  'Kowalski',
  'Silva',
  'Tanaka',
  'Okafor',
  'Johansson',
  'Patel',
  'Brown',
  'Yilmaz',
  'Costa',
  'Novak',
  'Kim',
  'Hernández',
  'Walsh',
  'Fischer',
];
