// One way to put an error into words, for state lines, notifications and logs: `Name: message`
// (the class name only when it says something), or the stack where a bug report needs it.

export function describeError(error: unknown, options: { stack?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  if (options.stack && error.stack) return error.stack;
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${name}${error.message}`.trim();
}
