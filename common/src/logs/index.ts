// The log follower and log search: one import for the CLI and the VS Code extension.
export { followLogs, type FollowOptions, type StoppedState } from './follower';
export { formatLogLine, formatState, logLineJson } from './format';
export { checkFilterPattern, DEFAULT_SEARCH_LIMIT, filterLogLines, FilterPatternError, SearchCancelledError, searchLogs, truncationNote, type SearchOptions, type SearchProgress, type SearchResult } from './search';
export { DEFAULT_TIMING, serviceLogGroups, type FollowerState, type FollowerTiming, type LogGroupRef, type LogLine, type LogSink, type LogSource, type StopCause } from './types';
