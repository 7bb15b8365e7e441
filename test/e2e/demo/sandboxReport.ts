// What the demo says about the Local Sandbox, from the extension's own log channel ("ZenML App
// Runner", written to a file in the profile): started, stopped from VS Code, exited on its own,
// failed to start. The file is read as it grows; a reloaded window writes a new one, read from
// its start.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { outputChannelFile, type Profile } from '../support/codeServer';
import { PRODUCT_CHANNEL } from '../support/paths';

export type SandboxEvent =
  | { kind: 'started'; pid: number; endpoint: string; regions: string }
  | { kind: 'stopped'; pid: number }
  | { kind: 'exited'; pid: number }
  | { kind: 'failed'; reason: string };

/** The sandbox event a line of the extension's log reports, if any (client/src/sandbox/sandboxCommands.ts writes them). */
export function sandboxEvent(line: string): SandboxEvent | undefined {
  let match = /Local Sandbox started: endpoint (\S+), pid (\d+), regions (.*?), state in /.exec(line);
  if (match) return { kind: 'started', endpoint: match[1], pid: Number(match[2]), regions: match[3] };
  match = /The Local Sandbox \(pid (\d+)\) exited on its own/.exec(line);
  if (match) return { kind: 'exited', pid: Number(match[1]) };
  match = /Local Sandbox stopped \(pid (\d+)\)/.exec(line);
  if (match) return { kind: 'stopped', pid: Number(match[1]) };
  match = /Could not start the Local Sandbox: (.*)$/.exec(line);
  if (match) return { kind: 'failed', reason: match[1] };
  return undefined;
}

export function describeSandboxEvent(event: SandboxEvent): string {
  switch (event.kind) {
    case 'started':
      return `Local Sandbox started (pid ${event.pid}, ${event.endpoint}, sample deployments in ${event.regions})`;
    case 'stopped':
      return `Local Sandbox stopped from VS Code (pid ${event.pid}); "ZenML App Runner: Start Local Sandbox" starts it again`;
    case 'exited':
      return `the Local Sandbox's emulator (pid ${event.pid}) exited on its own; "ZenML App Runner: Start Local Sandbox" starts it again`;
    case 'failed':
      return `the Local Sandbox did not start: ${event.reason}`;
  }
}

/** Polls the log (twice a second) and says each sandbox event once; `stop()` ends it. */
export function followSandbox(profile: Profile, say: (message: string) => void, pollMs = 500): { stop(): void } {
  let file: string | undefined;
  let offset = 0;
  let partial = '';
  const poll = (): void => {
    const current = outputChannelFile(profile, PRODUCT_CHANNEL);
    if (!current || !existsSync(current)) return;
    if (current !== file) [file, offset, partial] = [current, 0, ''];
    const size = statSync(current).size;
    if (size <= offset) return;
    const buffer = Buffer.alloc(size - offset);
    const fd = openSync(current, 'r');
    try {
      offset += readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      closeSync(fd);
    }
    const lines = (partial + buffer.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const event = sandboxEvent(line);
      if (event) say(describeSandboxEvent(event));
    }
  };
  const timer = setInterval(() => {
    try {
      poll();
    } catch {
      // The log folder can change under us (a window reloads): the next poll reads the new file.
    }
  }, pollMs);
  return {
    stop: () => {
      clearInterval(timer);
    },
  };
}
