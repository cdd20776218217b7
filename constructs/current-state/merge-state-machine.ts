import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import {
  type AwsContext,
  type MergeResources,
  mergeStateMachineName,
  mergeStateMachineStatements,
  resolveSetting,
  SETTINGS,
} from '@sales/pipeline-spec';
import { Construct } from 'constructs';
import { ServiceRole } from '../security/iam';
import { createLogGroup } from '../observability/log-group';
import { mergeDefinition } from './merge-definition';

/** Props for {@link MergeStateMachine}. */
export interface MergeStateMachineProps {
  /** `<prefix>-<environment>`: names the state machine, its role and its log group. */
  readonly baseName: string;
  /** Account, region and partition. */
  readonly aws: AwsContext;
  /** The key of the log group (and of the lake and results the statements touch). */
  readonly kmsKeyArn: string;
  /** Retention of the log group, in days; one of CloudWatch's allowed values. */
  readonly logRetentionDays: number;
  /** The Athena workgroup the statements run in (its name). */
  readonly workgroupName: string;
  /** The Glue database of the change log and the current-state tables (its name). */
  readonly databaseName: string;
  /** What the role reaches: lake, results, key, workgroup and tables (ARNs). */
  readonly resources: Omit<MergeResources, 'aws' | 'baseName' | 'kmsKeyArn'>;
  /**
   * How far back each window reaches, in seconds.
   * @defaultValue - {@link SETTINGS.mergeLatenessSeconds}, with its limits; the stack passes `PipelineConfig.mergeLatenessSeconds`
   */
  readonly latenessSeconds?: number;
}

/**
 * The merge as a Step Functions Standard state machine (Standard: Athena's `.sync` integration runs in Standard
 * workflows only; Express has no `.sync`): its definition (`merge-definition.ts`), a role that reaches only what the
 * statements touch, and execution logs at `ERROR` level, with their input and output, in a log group encrypted with
 * the stack's key.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-supported-services.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
 */
export class MergeStateMachine extends Construct {
  /** The state machine. */
  readonly stateMachine: SfnStateMachine;
  /** Its execution log group. */
  readonly logGroup: CloudwatchLogGroup;
  /** Its role. */
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string, props: MergeStateMachineProps) {
    super(scope, id);
    const latenessSeconds = resolveSetting('latenessSeconds', props.latenessSeconds, SETTINGS.mergeLatenessSeconds);
    const name = mergeStateMachineName(props.baseName);
    this.logGroup = createLogGroup(this, 'LogGroup', {
      name: `/${props.baseName}/current-state-merge`,
      retentionDays: props.logRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    this.role = new ServiceRole(this, 'Role', {
      name,
      service: 'states.amazonaws.com',
      accountId: props.aws.accountId,
      statements: mergeStateMachineStatements({
        ...props.resources,
        aws: props.aws,
        baseName: props.baseName,
        kmsKeyArn: props.kmsKeyArn,
      }),
    });
    const definition = mergeDefinition({
      partition: props.aws.partition,
      workgroupName: props.workgroupName,
      databaseName: props.databaseName,
      latenessSeconds,
      stateMachineName: name,
    });
    this.stateMachine = new SfnStateMachine(this, 'StateMachine', {
      name,
      roleArn: this.role.role.arn,
      definition: JSON.stringify(definition),
      loggingConfiguration: {
        logDestination: `${this.logGroup.arn}:*`,
        includeExecutionData: true,
        level: 'ERROR',
      },
      // CreateStateMachine checks that the role may deliver logs: its policy must exist first.
      dependsOn: [this.role.policy],
    });
  }
}
