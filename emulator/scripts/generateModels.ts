// Regenerates `emulator/src/generated/awsModels.ts` from botocore's JSON API models: the
// input shapes (with their length, range, pattern and enum constraints) of every operation the
// emulator serves. The AWS SDK v3 packages do not ship these constraints, botocore does.
//
// Usage (from the repository root, after `npx tsc -p .`):
//   node out/emulator/scripts/generateModels.js [BOTOCORE_DATA_DIR]
// Without an argument the first existing candidate below is used (the newest model first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ServiceModel, ShapeSpec } from '../src/modelTypes';

const CANDIDATE_DATA_DIRS = [
  '/usr/lib/google-cloud-sdk/lib/third_party/botocore/data',
  '/usr/lib/python3/dist-packages/awscli/botocore/data',
  '/usr/lib/python3/dist-packages/botocore/data',
];

interface ServiceToGenerate {
  id: string;
  folder: string;
  apiVersion: string;
  operations: string[];
  /**
   * For models whose metadata names only the query protocol (older botocore): the JSON 1.0
   * target prefix that newer models and the AWS SDK v3 (awsQueryCompatible) use.
   */
  jsonFallback?: { targetPrefix: string; jsonVersion: '1.0' | '1.1' };
}

const SERVICES: ServiceToGenerate[] = [
  {
    id: 'apprunner',
    folder: 'apprunner',
    apiVersion: '2020-05-15',
    operations: [
      'CreateService', 'UpdateService', 'DescribeService', 'ListServices', 'DeleteService', 'PauseService',
      'ResumeService', 'StartDeployment', 'ListOperations', 'CreateAutoScalingConfiguration',
      'DescribeAutoScalingConfiguration', 'ListAutoScalingConfigurations', 'DeleteAutoScalingConfiguration',
      'TagResource', 'UntagResource', 'ListTagsForResource',
    ],
  },
  {
    id: 'secretsmanager',
    folder: 'secretsmanager',
    apiVersion: '2017-10-17',
    operations: [
      'CreateSecret', 'UpdateSecret', 'PutSecretValue', 'GetSecretValue', 'DescribeSecret', 'DeleteSecret',
      'RestoreSecret', 'TagResource', 'UntagResource', 'ListSecrets',
    ],
  },
  {
    id: 'logs',
    folder: 'logs',
    apiVersion: '2014-03-28',
    operations: [
      'CreateLogGroup', 'DeleteLogGroup', 'CreateLogStream', 'DeleteLogStream', 'PutLogEvents', 'DescribeLogGroups',
      'DescribeLogStreams', 'GetLogEvents', 'FilterLogEvents', 'StartLiveTail',
    ],
  },
  {
    // CloudWatch metrics: the query protocol (botocore, the AWS CLI v2), JSON 1.0 (the AWS SDK v3)
    // and Smithy RPC v2 CBOR (newest botocore) all carry these input shapes.
    id: 'cloudwatch',
    folder: 'cloudwatch',
    apiVersion: '2010-08-01',
    operations: ['GetMetricData', 'ListMetrics'],
    jsonFallback: { targetPrefix: 'GraniteServiceVersion20100801', jsonVersion: '1.0' },
  },
];

interface RawMember {
  shape: string;
}
interface RawShape {
  type: string;
  members?: Record<string, RawMember>;
  required?: string[];
  member?: RawMember;
  key?: RawMember;
  value?: RawMember;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}
interface RawModel {
  metadata: { jsonVersion?: '1.0' | '1.1'; targetPrefix?: string; signingName?: string; endpointPrefix: string; apiVersion: string };
  operations: Record<string, { input?: RawMember }>;
  shapes: Record<string, RawShape>;
}

function trimShape(raw: RawShape, name: string): ShapeSpec {
  const bounds = { ...(raw.min !== undefined ? { min: raw.min } : {}), ...(raw.max !== undefined ? { max: raw.max } : {}) };
  switch (raw.type) {
    case 'structure':
      return {
        type: 'structure',
        members: Object.fromEntries(Object.entries(raw.members ?? {}).map(([member, ref]) => [member, ref.shape])),
        ...(raw.required?.length ? { required: raw.required } : {}),
      };
    case 'list':
      return { type: 'list', member: raw.member!.shape, ...bounds };
    case 'map':
      return { type: 'map', key: raw.key!.shape, value: raw.value!.shape, ...bounds };
    case 'string':
      if (raw.pattern !== undefined) assertCompiles(raw.pattern, name);
      return {
        type: 'string',
        ...bounds,
        ...(raw.pattern !== undefined ? { pattern: raw.pattern } : {}),
        ...(raw.enum ? { enum: raw.enum } : {}),
        ...(raw.sensitive ? { sensitive: true } : {}),
      };
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return { type: raw.type, ...bounds };
    case 'boolean':
    case 'timestamp':
      return { type: raw.type };
    case 'blob':
      return { type: 'blob', ...bounds, ...(raw.sensitive ? { sensitive: true } : {}) };
    default:
      throw new Error(`shape ${name}: unsupported type ${raw.type}`);
  }
}

function assertCompiles(pattern: string, name: string): void {
  try {
    new RegExp(pattern, pattern.includes('\\p{') ? 'u' : '');
  } catch (error) {
    throw new Error(`shape ${name}: pattern ${pattern} is not a JavaScript regular expression: ${String(error)}`);
  }
}

function generateService(dataDir: string, spec: ServiceToGenerate): ServiceModel {
  const file = join(dataDir, spec.folder, spec.apiVersion, 'service-2.json');
  // Newer botocore ships its models gzipped.
  const raw = JSON.parse(existsSync(file) ? readFileSync(file, 'utf8') : gunzipSync(readFileSync(`${file}.gz`)).toString('utf8')) as RawModel;
  const targetPrefix = raw.metadata.targetPrefix ?? spec.jsonFallback?.targetPrefix;
  const jsonVersion = raw.metadata.jsonVersion ?? spec.jsonFallback?.jsonVersion;
  if (targetPrefix === undefined || jsonVersion === undefined) throw new Error(`${spec.id}: the model has no JSON target prefix and none is given`);
  const shapes: Record<string, ShapeSpec> = {};
  const visit = (name: string): void => {
    if (shapes[name]) return;
    const shape = raw.shapes[name];
    if (!shape) throw new Error(`${spec.id}: missing shape ${name}`);
    const trimmed = trimShape(shape, name);
    shapes[name] = trimmed;
    if (trimmed.type === 'structure') Object.values(trimmed.members).forEach(visit);
    if (trimmed.type === 'list') visit(trimmed.member);
    if (trimmed.type === 'map') {
      visit(trimmed.key);
      visit(trimmed.value);
    }
  };
  const operations: ServiceModel['operations'] = {};
  for (const operation of spec.operations) {
    const op = raw.operations[operation];
    if (!op) throw new Error(`${spec.id}: the model has no operation ${operation}`);
    operations[operation] = op.input ? { input: op.input.shape } : {};
    if (op.input) visit(op.input.shape);
  }
  const sortedShapes = Object.fromEntries(Object.keys(shapes).sort().map((name) => [name, shapes[name]]));
  return {
    id: spec.id,
    targetPrefix,
    jsonVersion,
    signingName: raw.metadata.signingName ?? raw.metadata.endpointPrefix,
    apiVersion: raw.metadata.apiVersion,
    operations,
    shapes: sortedShapes,
  };
}

function botocoreVersion(dataDir: string): string {
  const init = join(dataDir, '..', '__init__.py');
  const match = existsSync(init) ? /__version__ = '([^']+)'/.exec(readFileSync(init, 'utf8')) : null;
  return match ? match[1] : 'unknown';
}

function main(): void {
  const dataDir = process.argv[2] ?? CANDIDATE_DATA_DIRS.find((dir) => existsSync(join(dir, 'apprunner')));
  if (!dataDir) throw new Error(`no botocore data folder found; pass one (tried ${CANDIDATE_DATA_DIRS.join(', ')})`);
  const models = SERVICES.map((spec) => generateService(dataDir, spec));
  const out = resolve(__dirname, '../../../emulator/src/generated/awsModels.ts');
  const lines = [
    '// GENERATED by emulator/scripts/generateModels.ts: do not edit by hand.',
    `// Source: botocore ${botocoreVersion(dataDir)} API models (${dataDir}).`,
    "import type { ServiceModel } from '../modelTypes';",
    '',
    ...models.map((model) => `export const ${model.id}Model: ServiceModel = ${JSON.stringify(model, null, 2)};\n`),
  ];
  writeFileSync(out, lines.join('\n'));
  console.log(`wrote ${out}: ${models.map((m) => `${m.id} ${Object.keys(m.shapes).length} shapes`).join(', ')}`);
}

// `npm test` runs every compiled file under out/test/: do nothing there.
if (require.main === module) main();
