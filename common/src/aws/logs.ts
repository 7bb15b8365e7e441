// Thin typed CloudWatch Logs reads the deploy engine needs: App Runner's own service log lines.
import { paginateFilterLogEvents } from './sdk';
import type { AwsClients } from './clientFactory';
import { awsCall, isNotFound } from './errors';

export interface LogLine {
  /** CloudWatch's id of the event: two events with one timestamp are still two lines. */
  eventId: string;
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
  try {
    return await awsCall(clients.target, 'logs', 'FilterLogEvents', async () => {
      const lines: LogLine[] = [];
      for await (const page of paginateFilterLogEvents({ client: clients.logs }, { logGroupName, startTime })) {
        for (const event of page.events ?? []) {
          lines.push({ eventId: event.eventId ?? `${event.logStreamName ?? ''}/${event.timestamp ?? 0}/${lines.length}`, timestamp: event.timestamp ?? 0, stream: event.logStreamName ?? '', message: (event.message ?? '').replace(/\n$/, '') });
        }
      }
      return lines;
    });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}
