// The App Runner service (JSON 1.0, `AppRunner.*`): services, auto-scaling configurations and tags,
// answered only in the regions where App Runner exists.
import type { ListTagsForResourceRequest, TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-apprunner';
import { apprunnerModel } from '../generated/awsModels';
import { AwsError, type AwsServiceDefinition, type OperationHandler, type RequestContext } from '../protocol';
import type { EmulatorState, RegionState } from '../state';
import { autoScalingHandlers } from './autoScaling';
import { APP_RUNNER_REGIONS } from './regions';
import { mergeTags } from './checks';
import { serviceHandlers } from './services';


/** The tags of a live service or an active auto-scaling revision, by ARN. */
function taggable(region: RegionState, resourceArn: string): { tags: Record<string, string> } {
  const service = region.services.get(resourceArn);
  if (service && service.status !== 'DELETED') return service;
  const scaling = region.autoScaling.get(resourceArn);
  if (scaling && scaling.deletedAt === undefined) return scaling;
  throw new AwsError('ResourceNotFoundException', `Resource ${resourceArn} doesn't exist.`);
}

function tagHandlers(state: EmulatorState): Record<string, OperationHandler> {
  const regionOf = (context: RequestContext): RegionState => state.region(context.region);
  return {
    TagResource(input, context) {
      const request = input as unknown as TagResourceRequest;
      const resource = taggable(regionOf(context), request.ResourceArn!);
      resource.tags = mergeTags(resource.tags, request.Tags!);
      state.changed();
      return {};
    },
    UntagResource(input, context) {
      const request = input as unknown as UntagResourceRequest;
      const resource = taggable(regionOf(context), request.ResourceArn!);
      resource.tags = Object.fromEntries(Object.entries(resource.tags).filter(([key]) => !request.TagKeys!.includes(key)));
      state.changed();
      return {};
    },
    ListTagsForResource(input, context) {
      const request = input as unknown as ListTagsForResourceRequest;
      const resource = taggable(regionOf(context), request.ResourceArn!);
      return { Tags: Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value })) };
    },
  };
}

export function appRunnerService(state: EmulatorState): AwsServiceDefinition {
  const handlers: Record<string, OperationHandler> = { ...serviceHandlers(state), ...autoScalingHandlers(state), ...tagHandlers(state) };
  // App Runner has no endpoint outside its regions; say so instead of failing like a DNS lookup.
  const regional = Object.fromEntries(
    Object.entries(handlers).map(([operation, handler]): [string, OperationHandler] => [
      operation,
      (input, context) => {
        if (!APP_RUNNER_REGIONS.includes(context.region)) {
          throw new AwsError('UnrecognizedClientException', `App Runner is not available in ${context.region}; it runs in ${APP_RUNNER_REGIONS.join(', ')}.`);
        }
        return handler(input, context);
      },
    ]),
  );
  return { model: apprunnerModel, validationErrorCode: 'InvalidRequestException', internalErrorCode: 'InternalServiceErrorException', handlers: regional };
}
