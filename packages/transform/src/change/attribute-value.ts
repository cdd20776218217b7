/**
 * A DynamoDB attribute value as it appears in stream JSON: exactly one type key.
 * `N` is a decimal string, `B` a base64 string, `NULL` is `true`.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_AttributeValue.html
 */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly M: AttributeMap }
  | { readonly L: readonly AttributeValue[] }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] };

/** An item image (`Keys`, `NewImage`, `OldImage`) or the content of an `M`: attribute name to value. */
export interface AttributeMap {
  /** The attribute's value, under its raw attribute name. */
  readonly [name: string]: AttributeValue;
}
