import type { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import type { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { GlueCatalogTableOptimizer } from '@cdktf/provider-aws/lib/glue-catalog-table-optimizer';
import {
  type AwsContext,
  currentStateLocation,
  TABLE_OPTIMIZER_SETTINGS,
  TABLE_OPTIMIZER_TYPES,
  type TableOptimizerType,
  tableOptimizerRoleName,
  tableOptimizerStatements,
} from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { ServiceRole } from '../security/iam';

/** One Iceberg table to maintain: the table, and its name as the lake layout knows it (for its folder). */
export interface MaintainedTable {
  /** Construct id stem of its optimizers, e.g. `Current`. */
  readonly id: string;
  /** The table. */
  readonly table: GlueCatalogTable;
  /** Its name (literal): its folder is `currentStateLocation(name)`. */
  readonly name: string;
}

/** Props for {@link TableMaintenance}. */
export interface TableMaintenanceProps {
  /** `<prefix>-<environment>`: names the role. */
  readonly baseName: string;
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** The key the lake's objects are encrypted with. */
  readonly kmsKeyArn: string;
  /** The lake bucket's ARN. */
  readonly lakeBucketArn: string;
  /** The tables' database. */
  readonly database: GlueCatalogDatabase;
  /** The tables. */
  readonly tables: readonly MaintainedTable[];
}

/**
 * Whether orphan-file deletion may run on a table: not when its folder, without the trailing `/`, is a string prefix
 * of another table's folder (`current/orders_current` of `current/orders_current_tombstones/`). An orphan scan that
 * lists by key prefix would take the sibling table's live files for orphans and delete them; Iceberg itself fixed
 * such a case in 2026 (apache/iceberg#17448), and Glue does not say how its optimizer lists. Snapshot retention and
 * compaction find files through the table's metadata, never by listing, so they run on every table.
 *
 * @param name - the table's name
 * @param names - every table's name
 * @returns true when no other folder starts with this one's unterminated path
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @example
 * ```ts
 * orphanDeletionIsSafe('orders_current', ['orders_current', 'orders_current_merges']); //=> false
 * orphanDeletionIsSafe('orders_current_merges', ['orders_current', 'orders_current_merges']); //=> true
 * ```
 */
export function orphanDeletionIsSafe(name: string, names: readonly string[]): boolean {
  const stem = currentStateLocation(name).replace(/\/$/, '');
  return names.every((other) => other === name || !currentStateLocation(other).startsWith(stem));
}

/** The optimizer-specific configuration block of one type. */
function typeConfiguration(type: TableOptimizerType) {
  if (type === 'retention')
    return {
      retentionConfiguration: [
        {
          icebergConfiguration: [
            { snapshotRetentionPeriodInDays: TABLE_OPTIMIZER_SETTINGS.snapshotRetentionPeriodInDays },
          ],
        },
      ],
    };
  if (type === 'orphan_file_deletion')
    return {
      orphanFileDeletionConfiguration: [
        {
          icebergConfiguration: [
            { orphanFileRetentionPeriodInDays: TABLE_OPTIMIZER_SETTINGS.orphanFileRetentionPeriodInDays },
          ],
        },
      ],
    };
  return {};
}

/**
 * Glue table optimizers for the current-state tables, with their role: compaction (a merge every few minutes writes
 * small data and delete files; compaction rewrites them into few large ones), snapshot retention
 * ({@link TABLE_OPTIMIZER_SETTINGS}) and orphan-file deletion where {@link orphanDeletionIsSafe}. Glue runs them on
 * its own schedule and capacity, outside the merge: the merge stays short, and a conflicting commit is retried by the
 * merge's `Retry` like any other.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/table-optimizers.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_catalog_table_optimizer
 */
export class TableMaintenance extends Construct {
  /** The optimizers' role. */
  readonly role: ServiceRole;
  /** The optimizers, by `<table id>-<type>`. */
  readonly optimizers: Readonly<Record<string, GlueCatalogTableOptimizer>>;

  constructor(scope: Construct, id: string, props: TableMaintenanceProps) {
    super(scope, id);
    const glue = (resource: string) =>
      `arn:${props.aws.partition}:glue:${props.aws.region}:${props.aws.accountId}:${resource}`;
    this.role = new ServiceRole(this, 'Role', {
      name: tableOptimizerRoleName(props.baseName),
      service: 'glue.amazonaws.com',
      accountId: props.aws.accountId,
      statements: tableOptimizerStatements({
        aws: props.aws,
        lakeBucketArn: props.lakeBucketArn,
        kmsKeyArn: props.kmsKeyArn,
        catalogArns: [glue('catalog'), props.database.arn],
        tableArns: props.tables.map(({ table }) => table.arn),
      }),
    });
    const names = props.tables.map(({ name }) => name);
    const optimizers: Record<string, GlueCatalogTableOptimizer> = {};
    for (const { id: tableId, table, name } of props.tables) {
      for (const type of TABLE_OPTIMIZER_TYPES) {
        if (type === 'orphan_file_deletion' && !orphanDeletionIsSafe(name, names)) continue;
        optimizers[`${tableId}-${type}`] = new GlueCatalogTableOptimizer(this, `${tableId}-${type}`, {
          catalogId: props.aws.accountId,
          databaseName: props.database.name,
          tableName: table.name,
          type,
          configuration: [{ enabled: true, roleArn: this.role.role.arn, ...typeConfiguration(type) }],
          // Glue checks the role when it creates an optimizer: its policy must exist first.
          dependsOn: [this.role.policy],
        });
      }
    }
    this.optimizers = optimizers;
  }
}
