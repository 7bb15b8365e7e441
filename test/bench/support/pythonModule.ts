// A generated ZenML pipeline module of a given size, for the Python benchmarks and fuzzing: steps
// with step-level resources (dict and class forms), module-level settings objects, a few pipelines
// with deployer and resource settings, with_options at the end, and ordinary code between them.
export interface GeneratedModule {
  text: string;
  /** The line whose memory literal the benchmark's keystrokes change. */
  memoryLine: number;
}

const HEADER = [
  '"""Generated batch-scoring pipelines for the benchmark."""',
  'import os',
  'from typing import Annotated',
  '',
  'from zenml import pipeline, step',
  'from zenml.config import ResourceSettings',
  'from zenml.integrations.aws.flavors import AWSDeployerSettings',
  '',
  'DEPLOYER = AWSDeployerSettings(',
  '    region="us-east-1",',
  '    instance_role_arn="arn:aws:iam::123456789012:role/apprunner-instance",',
  '    health_check_protocol="HTTP",',
  '    tags={"team": "scoring"},',
  ')',
  '',
];

function stepBlock(index: number): string[] {
  const settings =
    index % 2 === 0
      ? `@step(settings={"resources": ResourceSettings(cpu_count=1, memory="2GB")})`
      : `@step(settings={"resources": {"cpu_count": 0.5, "memory": "1GB", "max_concurrency": 40}})`;
  return [
    '',
    settings,
    `def score_batch_${index}(rows: list[dict], threshold: float = 0.5) -> Annotated[dict, "scores_${index}"]:`,
    `    """Scores batch ${index} and summarises it."""`,
    '    totals = {"positive": 0, "negative": 0}',
    '    for row in rows:',
    '        value = float(row.get("score", 0.0))',
    '        if value >= threshold:',
    '            totals["positive"] += 1',
    '        else:',
    '            totals["negative"] += 1',
    `    ratio = totals["positive"] / max(1, len(rows))`,
    `    message = f"batch ${index}: {ratio:.2%} positive"`,
    '    print(message)',
    '    return {"ratio": ratio, **totals}',
    '',
  ];
}

function pipelineBlock(index: number, steps: number[]): string[] {
  return [
    '',
    '@pipeline(',
    '    enable_cache=False,',
    '    settings={',
    '        "deployer": DEPLOYER,',
    '        "resources": ResourceSettings(',
    '            cpu_count=2,',
    '            memory="4GB",',
    '            min_replicas=1,',
    '            max_replicas=5,',
    '        ),',
    '    },',
    ')',
    `def scoring_${index}(rows: list[dict]) -> None:`,
    ...steps.map((step) => `    score_batch_${step}(rows=rows)`),
    '',
  ];
}

/** A module of at least `lines` lines. */
export function generatePythonModule(lines: number): GeneratedModule {
  const out = [...HEADER];
  let step = 0;
  let pipelineIndex = 0;
  let memoryLine = -1;
  while (out.length < lines - 10) {
    const first = step;
    for (let i = 0; i < 8 && out.length < lines - 10; i++) out.push(...stepBlock(step++));
    const block = pipelineBlock(pipelineIndex++, Array.from({ length: step - first }, (_, i) => first + i));
    if (memoryLine < 0) memoryLine = out.length + block.indexOf('            memory="4GB",');
    out.push(...block);
  }
  out.push('', 'if __name__ == "__main__":', '    scoring_0.with_options(settings={"resources": {"cpu_count": 1, "memory": "2GB"}})(rows=[])', '');
  return { text: `${out.join('\n')}\n`, memoryLine };
}
