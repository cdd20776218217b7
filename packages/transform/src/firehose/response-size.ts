/**
 * Default ceiling for the serialized Firehose response, in bytes: below Lambda's 6 MB
 * (6,291,456 bytes) synchronous response limit, with room for the runtime's framing.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 6_000_000;

/** `{"records":[]}` */
export const RESPONSE_WRAPPER_BYTES = 14;

/** `{"recordId":,"result":"Ok","data":"","metadata":{"partitionKeys":{"year":"2025","month":"01","day":"15","hour":"10"}}}` without id and data. */
const OK_RECORD_OVERHEAD = 118;
/** `{"recordId":,"result":"ProcessingFailed","data":""}` without id and data. */
const FAILED_RECORD_OVERHEAD = 51;

/**
 * Serialized size of an `Ok` response record (partition keys always have 4+2+2+2 digits).
 *
 * @param idJsonLength - `JSON.stringify(recordId).length`
 * @param data - the base64 output
 * @returns bytes, without the separating comma
 */
export function okRecordBytes(idJsonLength: number, data: string): number {
  return OK_RECORD_OVERHEAD + idJsonLength + data.length;
}

/**
 * Serialized size of a `ProcessingFailed` response record that echoes the original data.
 *
 * @param idJsonLength - `JSON.stringify(recordId).length`
 * @param data - the original base64 data
 * @returns bytes, without the separating comma
 */
export function failedRecordBytes(idJsonLength: number, data: string): number {
  return FAILED_RECORD_OVERHEAD + idJsonLength + data.length;
}
