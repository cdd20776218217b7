import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { Construct } from 'constructs';

/** Props for {@link createLogGroup}. */
export interface LogGroupProps {
  /** Log group name. */
  readonly name: string;
  /** Retention in days; one of CloudWatch's allowed values. */
  readonly retentionDays: number;
  /** KMS key ARN that encrypts the log data. */
  readonly kmsKeyArn: string;
}

/**
 * A log group with retention and KMS encryption: the only way constructs here create log groups.
 *
 * @param scope - parent construct
 * @param id - construct id
 * @param props - name, retention and key
 * @returns the log group
 */
export function createLogGroup(scope: Construct, id: string, props: LogGroupProps): CloudwatchLogGroup {
  return new CloudwatchLogGroup(scope, id, {
    name: props.name,
    retentionInDays: props.retentionDays,
    kmsKeyId: props.kmsKeyArn,
  });
}
