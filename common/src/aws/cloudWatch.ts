// Thin typed CloudWatch metrics reads: one GetMetricData request (the SDK's paginator follows
// NextToken when the points exceed one page) with the pages joined per query id.
import { paginateGetMetricData } from './sdk';
import type { GetMetricDataCommandInput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from './clientFactory';
import { awsCall } from './errors';

export interface MetricResult {
  id: string;
  label: string;
  /** Epoch milliseconds, in the order CloudWatch returned them (ScanBy). */
  timestamps: number[];
  values: number[];
  /** `Complete`, or `PartialData`/`InternalError`/`Forbidden` when CloudWatch says so for the last page. */
  status: string;
}

function merge(into: Map<string, MetricResult>, result: MetricDataResult): void {
  const id = result.Id ?? '';
  const existing = into.get(id) ?? { id, label: result.Label ?? id, timestamps: [], values: [], status: 'Complete' };
  existing.timestamps.push(...(result.Timestamps ?? []).map((time) => time.getTime()));
  existing.values.push(...(result.Values ?? []));
  existing.status = result.StatusCode ?? existing.status;
  into.set(id, existing);
}

/** Every query's points (all pages), by query id. Needs `cloudwatch:GetMetricData`. */
export async function getMetricData(clients: AwsClients, input: GetMetricDataCommandInput): Promise<Map<string, MetricResult>> {
  return awsCall(clients.target, 'monitoring', 'GetMetricData', async () => {
    const results = new Map<string, MetricResult>();
    for await (const page of paginateGetMetricData({ client: clients.cloudWatch }, input)) {
      for (const result of page.MetricDataResults ?? []) merge(results, result);
    }
    return results;
  });
}
