/**
 * The lake as the operations see it: a flat key space of objects, a local folder or an S3 bucket prefix.
 */

/** One object's key and size, as a listing returns it. */
export interface LakeObjectInfo {
  /** Key relative to the lake root, with `/` separators, like an S3 key. */
  readonly key: string;
  /** Size in bytes. */
  readonly bytes: number;
}

/**
 * Reads and writes lake objects. Writes are whole-object and idempotent: writing the same key again replaces
 * the object, so operations that derive their keys deterministically can be re-run safely.
 */
export interface LakeStore {
  /** Where the store points, for messages: the folder or `s3://bucket/prefix`. */
  readonly location: string;
  /**
   * Lists the objects under a key prefix, in key order.
   *
   * @param prefix - Key prefix relative to the lake root, e.g. `errors/processing-failed/`.
   */
  list(prefix: string): AsyncIterable<LakeObjectInfo>;
  /**
   * Reads one object in full.
   *
   * @param key - Key relative to the lake root.
   * @returns The object's bytes, or `undefined` when there is no such object.
   */
  read(key: string): Promise<Buffer | undefined>;
  /**
   * Writes one object, replacing any object of the same key. A reader never sees half an object.
   *
   * @param key - Key relative to the lake root.
   * @param body - The object's bytes.
   */
  write(key: string, body: Buffer): Promise<void>;
  /**
   * Removes one object; removing a key that does not exist is not an error (as S3's DeleteObject).
   *
   * @param key - Key relative to the lake root.
   */
  remove(key: string): Promise<void>;
}
