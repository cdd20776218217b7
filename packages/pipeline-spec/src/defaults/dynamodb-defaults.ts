/**
 * Amazon DynamoDB: the orders table's deletion protection (prod turns it on in `ENVIRONMENTS`).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection
 * @example
 * ```ts
 * DYNAMODB_DEFAULTS.deletionProtection; //=> false
 * ```
 */
export const DYNAMODB_DEFAULTS = {
  deletionProtection: false,
} as const;
