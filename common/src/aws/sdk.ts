// The only file that imports the AWS SDK's values (everything else imports its types only, lint
// says so): what of the SDK the product uses, in one list. The extension reaches it only through
// `import()` (client/src/lazyModule.ts), so the SDK is a chunk of the split build read on the
// first AWS call, never at activation (test/package/splitBundles.test.ts).
export {
  AppRunnerClient,
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListOperationsCommand,
  ListTagsForResourceCommand,
  paginateListAutoScalingConfigurations,
  paginateListServices,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
export { CloudWatchClient, paginateGetMetricData } from '@aws-sdk/client-cloudwatch';
export {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateDescribeLogStreams,
  paginateFilterLogEvents,
  StartLiveTailCommand,
} from '@aws-sdk/client-cloudwatch-logs';
export {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  paginateListSecrets,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
