// The paths on which the stand-in ZenML application answers GET with 200: an HTTP health check on
// any other path fails the deployment, as it would against the real application.
export const STAND_IN_GET_PATHS: readonly string[] = ['/', '/health', '/info', '/metrics', '/docs'];
