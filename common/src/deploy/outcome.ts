// Did an App Runner operation do what it was asked? Only positive evidence counts: the operation's
// own status (ListOperations), App Runner's word in the service log ("Deployment with ID : <id>
// was successful" / "failed"), or the configuration the service now reports. A service that is
// RUNNING again after an update proves nothing: a rolled-back update ends RUNNING too.
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-apprunner';
import { listOperations } from '../aws/appRunner';
import { AwsCallError } from '../aws/errors';
import { describeError } from '../describeError';
import { compareShapes, desiredShape, existingShape } from './serviceShape';
import type { EngineDeps } from './types';
import type { ServiceLogFollower } from './wait';

export type Outcome =
  | { kind: 'succeeded'; evidence: string }
  | { kind: 'failed'; reason: string | undefined; rolledBack: boolean; evidence: string }
  | { kind: 'unknown'; why: string[] };

export interface OperationToJudge {
  serviceArn: string;
  operationId: string | undefined;
  /** The service once the operation settled. */
  settled: Service | undefined;
  /** For an update: the input the service should now run (placeholders filled in), and the service before. */
  wanted?: CreateServiceCommandInput;
  previous?: Service;
}

const FAILED = new Set(['FAILED', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED', 'ROLLBACK_IN_PROGRESS']);

function unreadable(action: string, error: unknown): string {
  if (error instanceof AwsCallError && error.kind === 'access-denied') return `no permission for ${error.action}`;
  return `${action} failed: ${describeError(error)}`;
}

/** App Runner's own words about this deployment in its service log, if it has spoken. */
function fromServiceLog(log: ServiceLogFollower | undefined, operationId: string): Outcome | undefined {
  const marker = `Deployment with ID : ${operationId}`;
  for (const line of log?.lines ?? []) {
    if (!line.message.includes(marker)) continue;
    if (/was successful/.test(line.message)) return { kind: 'succeeded', evidence: 'the service log says the deployment succeeded' };
    if (/failed/.test(line.message)) {
      const reason = /Failure reason\s*:\s*(.+)$/.exec(line.message)?.[1]?.trim();
      return { kind: 'failed', reason, rolledBack: true, evidence: 'the service log says the deployment failed' };
    }
  }
  return undefined;
}

/** Compares what the service reports now with what it should run and what it ran before. */
function fromConfiguration(judged: OperationToJudge): Outcome | undefined {
  if (!judged.settled || !judged.wanted) return undefined;
  const now = existingShape(judged.settled);
  if (compareShapes(now, desiredShape(judged.wanted)).length === 0) return { kind: 'succeeded', evidence: 'the service now runs the new configuration' };
  if (judged.previous && compareShapes(now, existingShape(judged.previous)).length === 0) {
    const image = judged.previous.SourceConfiguration?.ImageRepository?.ImageIdentifier;
    return { kind: 'failed', reason: undefined, rolledBack: true, evidence: `the service is running the previous configuration${image ? ` (image ${image})` : ''}` };
  }
  return undefined;
}

export async function judgeOperation(deps: EngineDeps, judged: OperationToJudge, log?: ServiceLogFollower): Promise<Outcome> {
  const why: string[] = [];
  if (judged.operationId !== undefined) {
    try {
      const operation = (await listOperations(deps.clients, judged.serviceArn)).find((candidate) => candidate.Id === judged.operationId);
      if (operation?.Status === 'SUCCEEDED') return { kind: 'succeeded', evidence: 'the operation SUCCEEDED' };
      if (operation?.Status !== undefined && FAILED.has(operation.Status)) {
        const logged = fromServiceLog(log, judged.operationId);
        return { kind: 'failed', reason: logged?.kind === 'failed' ? logged.reason : undefined, rolledBack: operation.Status.startsWith('ROLLBACK'), evidence: `the operation ended ${operation.Status}` };
      }
      why.push(operation ? `the operation is ${operation.Status ?? 'in an unknown state'}` : 'the operation is not among the service\'s recent operations');
    } catch (error) {
      why.push(unreadable('ListOperations', error));
    }
    const logged = fromServiceLog(log, judged.operationId);
    if (logged) return logged;
    if (log?.readError !== undefined) why.push(`its service log could not be read (${unreadable('FilterLogEvents', log.readError)})`);
  }
  return fromConfiguration(judged) ?? { kind: 'unknown', why };
}
