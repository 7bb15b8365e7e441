// The log commands' ids, for the features that run them (a deploy's Show Logs button).
export const SHOW_LOGS_COMMAND = 'zenmlAppRunner.showLogs';
export const STOP_LOGS_COMMAND = 'zenmlAppRunner.stopLogs';
export const SEARCH_LOGS_COMMAND = 'zenmlAppRunner.searchLogs';
