// The only file that imports the AWS SDK's values (everything else imports its types only). The
// extension's bundle does not carry the SDK: esbuild.mjs builds this file into dist/aws-sdk.js,
// and scripts/awsSdkOnFirstUse.mjs gives dist/extension.js a stand-in whose exports load it on
// first use, so activation never reads the SDK's 380 KiB and the first AWS call pays for it once.
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
