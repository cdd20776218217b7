export { ExitCode, EXIT_CODE_HELP } from './exit-code.js';
export { UsageError, formatUsageError } from './usage-error.js';
export { HELP_FLAG, VERSION_FLAG, flagName, type FlagSpec, type FlagTable, type FlagValues } from './flag-table.js';
export { parseFlags, type ParseFlagsOptions, type ParsedFlags } from './parse-flags.js';
export { parseChoice, parseNumberInRange, parsePositiveInteger, parsePositiveNumber, parseUrl } from './validators.js';
export { renderFlagLines, renderHelp, type HelpSpec } from './render-help.js';
export { handleSignals, type HandleSignalsOptions, type HandledSignal, type SignalHandling } from './handle-signals.js';
export { createOutput, type Output } from './create-output.js';
export { makeFolder } from './make-folder.js';
export {
  describePlaceholders,
  PLACEHOLDER_CREDENTIALS,
  PLACEHOLDER_REGION,
  usePlaceholdersForLocalEndpoint,
  type RegionAndCredentials,
  type MissingSetting,
} from './local-endpoint-placeholders.js';
export {
  AWS_TIMEOUTS,
  awsClientConfig,
  createAwsClient,
  type AwsClientConfig,
  type AwsClientOptions,
  type AwsRequestKind,
} from './aws-client.js';
export { DEBUG_VARIABLE, runMain } from './run-main.js';
