/**
 * S3LakeStore: the lake bucket (a prefix of it) through the AWS SDK.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { LakeObjectInfo, LakeStore } from './lake-store.js';

/**
 * A {@link LakeStore} over `s3://bucket/prefix`. Objects are written without encryption headers, so the bucket's
 * default encryption (the pipeline's KMS key, with the bucket key) applies, as it does to what Firehose writes.
 * A PutObject replaces an object atomically.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html
 */
export class S3LakeStore implements LakeStore {
  /**
   * @param client - The S3 client (region and credentials from the standard chain).
   * @param bucket - The lake bucket's name.
   * @param prefix - Key prefix of the lake root inside the bucket, `''` or ending in `/`.
   */
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    readonly prefix: string,
  ) {}

  get location(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  async *list(prefix: string): AsyncIterable<LakeObjectInfo> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key.slice(this.prefix.length), bytes: object.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async read(key: string): Promise<Buffer | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return object.Body === undefined ? Buffer.alloc(0) : Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async write(key: string, body: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body }));
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
  }
}
