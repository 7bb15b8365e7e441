// The regions where App Runner has an endpoint (AWS's endpoint list for App Runner).
export const APP_RUNNER_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
  'ap-northeast-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
];
