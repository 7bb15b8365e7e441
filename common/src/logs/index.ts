// The log follower: one import for the CLI and the VS Code output channel.
export { followLogs, type FollowOptions, type StoppedState } from './follower';
export { formatLogLine, formatState, logLineJson } from './format';
export { DEFAULT_TIMING, serviceLogGroups, type FollowerState, type FollowerTiming, type LogGroupRef, type LogLine, type LogSink, type LogSource, type StopCause } from './types';
