/**
 * A declared schema that cannot be used: an unsupported column type, a column name Athena or
 * Glue refuses, or two columns with one name. Thrown when the schema is built (misuse), never
 * for a record.
 */
export class SchemaError extends Error {
  /**
   * @param message - what is wrong, with the value received
   * @param options - the underlying error, if any
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaError';
  }
}
