// Thin typed CloudWatch Logs reads the deploy engine needs: App Runner's own service log lines.
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsClients } from './clientFactory';
import { awsCall } from './errors';

export interface LogLine {
  timestamp: number;
  stream: string;
  message: string;
}

/** `/aws/apprunner/<name>/<id>/service`: App Runner's events and deployment logs for a service. */
export function serviceLogGroup(serviceName: string, serviceId: string): string {
  return `/aws/apprunner/${serviceName}/${serviceId}/service`;
}

/** Events of a log group since `startTime` (all pages, oldest first); a missing group is empty. */
export async function logLinesSince(clients: AwsClients, logGroupName: string, startTime: number): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await awsCall(clients.target, 'logs', 'FilterLogEvents', () =>
        clients.logs.send(new FilterLogEventsCommand({ logGroupName, startTime, nextToken })),
      );
      for (const event of page.events ?? []) {
        lines.push({ timestamp: event.timestamp ?? 0, stream: event.logStreamName ?? '', message: (event.message ?? '').replace(/\n$/, '') });
      }
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    if ((error as { code?: string }).code === 'ResourceNotFoundException') return lines;
    throw error;
  }
  return lines;
}
