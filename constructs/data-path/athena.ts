import { AthenaNamedQuery } from '@cdktf/provider-aws/lib/athena-named-query';
import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Construct } from 'constructs';
import { type NamedQuerySource, readNamedQueries, SETTINGS } from '@sales/pipeline-spec';

/**
 * The engine every query of the workgroup runs on: Athena engine version 3 (Trino), the engine `MERGE INTO` on Iceberg
 * tables needs.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/merge-into-statement.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/engine-versions-changing.html
 */
export const ATHENA_ENGINE_VERSION = 'Athena engine version 3';

/** Props for {@link Athena}. */
export interface AthenaProps {
  /** `<prefix>-<environment>`: names the workgroup. */
  readonly baseName: string;
  /** Glue database the named queries run in. */
  readonly databaseName: string;
  /** Bucket for query results (its own bucket, with expiry). */
  readonly resultsBucket: S3Bucket;
  /** KMS key ARN that encrypts results. */
  readonly kmsKeyArn: string;
  /**
   * Athena cancels a query after scanning this many bytes.
   * @defaultValue - {@link SETTINGS.athenaBytesScannedCutoff}, with its limits; the stack passes `PipelineConfig.athenaBytesScannedCutoff`
   */
  readonly bytesScannedCutoffPerQuery?: number;
  /**
   * Let `terraform destroy` delete the workgroup although it holds named queries and query executions (Athena's
   * `RecursiveDeleteOption`); without it, deleting a workgroup that has run a query fails.
   * @defaultValue false
   * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_DeleteWorkGroup.html
   */
  readonly forceDestroy?: boolean;
  /** Named queries. @defaultValue - every `.sql` file of `@sales/pipeline-spec` (`QUERIES_DIR`) */
  readonly queries?: readonly NamedQuerySource[];
}

/**
 * An Athena workgroup that enforces its configuration (engine version 3, SSE-KMS results in the results bucket, a
 * bytes-scanned cutoff, CloudWatch metrics) and the named queries of `@sales/pipeline-spec`.
 */
export class Athena extends Construct {
  /** The workgroup. */
  readonly workgroup: AthenaWorkgroup;
  /** One named query per `.sql` file. */
  readonly namedQueries: AthenaNamedQuery[];

  constructor(scope: Construct, id: string, props: AthenaProps) {
    super(scope, id);
    const cutoff = props.bytesScannedCutoffPerQuery ?? SETTINGS.athenaBytesScannedCutoff.default;
    if (!Number.isSafeInteger(cutoff) || cutoff < 10485760) {
      throw new Error(`bytesScannedCutoffPerQuery must be at least 10485760, received ${cutoff}`);
    }
    this.workgroup = new AthenaWorkgroup(this, 'Workgroup', {
      name: `${props.baseName}-analytics`,
      description: 'Queries over the sales order changes',
      ...(props.forceDestroy === true ? { forceDestroy: true } : {}),
      configuration: {
        // MERGE INTO on Iceberg v2, which keeps orders_current, and the merge SQL's functions are engine 3's; AUTO
        // would let Athena move the workgroup to a later engine unannounced.
        engineVersion: { selectedEngineVersion: ATHENA_ENGINE_VERSION },
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: cutoff,
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucket.bucket}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: props.kmsKeyArn },
        },
      },
    });
    this.namedQueries = (props.queries ?? readNamedQueries()).map(
      (query) =>
        new AthenaNamedQuery(this, `Query-${query.name}`, {
          name: query.name,
          description: query.description,
          database: props.databaseName,
          workgroup: this.workgroup.name,
          query: query.sql,
        }),
    );
  }
}
