import type { PolicyStatement } from '../types';

/**
 * Services that use the pipeline key with the caller's credentials, by their `kms:ViaService` prefix. DynamoDB is not
 * one: it decrypts the table and its stream under its own grant, so no role of ours calls KMS through it. CloudWatch
 * Logs is not one either: it uses the key as its own service principal, through the key policy, with the log group's
 * ARN as encryption context.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export type KeyCallingService = 's3' | 'kinesis' | 'sqs';

/**
 * An `Allow` of `actions` on the pipeline key only when the request comes through one of `services` in `region`
 * (`kms:ViaService` = `<service>.<region>.amazonaws.com`). A role holding it cannot use the key directly, nor through
 * a service it does not use: the Firehose role cannot decrypt a queue's messages, an operator cannot call
 * `kms:Decrypt` on a ciphertext it copied out of another service.
 *
 * @param sid - the statement id
 * @param actions - the KMS actions, e.g. `['kms:Decrypt']`
 * @param kmsKeyArn - the key (token)
 * @param region - the stack's region (the services' endpoints are regional)
 * @param services - the services the role uses the key through
 * @returns the statement
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 * @see https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 * @example
 * ```ts
 * keyUseStatement('DecryptLake', ['kms:Decrypt'], 'arn:aws:kms:eu-west-1:1:key/k', 'eu-west-1', ['s3']).conditions;
 * //=> { StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] } }
 * ```
 */
export function keyUseStatement(
  sid: string,
  actions: readonly string[],
  kmsKeyArn: string,
  region: string,
  services: readonly KeyCallingService[],
): PolicyStatement {
  return {
    sid,
    actions,
    resources: [kmsKeyArn],
    conditions: { StringEquals: { 'kms:ViaService': services.map((s) => `${s}.${region}.amazonaws.com`) } },
  };
}
