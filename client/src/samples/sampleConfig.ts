// The file "Create Sample Config" writes: a small, valid deployment that works in the Local
// Sandbox as it is (a test validates it to zero findings).
export const SAMPLE_FILE_NAME = 'zenml.deployer.yaml';

export const SAMPLE_CONFIG = `# A ZenML pipeline served on AWS App Runner. Hover a key for its meaning; problems show as you type.
deployment:
  name: hello-pipeline
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/zenml:hello_pipeline
  port: 8000
  health_path: /health
settings:
  deployer:
    region: us-east-1
    access_role_arn: arn:aws:iam::123456789012:role/apprunner-ecr-access
    instance_role_arn: arn:aws:iam::123456789012:role/apprunner-instance
    health_check_protocol: HTTP
    generate_auth_key: true          # the key /invoke expects, kept in Secrets Manager
    use_secrets_manager: true
  resources:
    cpu_count: 1
    memory: 2GB
    min_replicas: 1
    max_replicas: 3
    max_concurrency: 80
`;
