// Our log channels' text ("App Runner: <name>"), read from the file VS Code writes each log
// channel to, and a wait for a pattern in it that shows the text when it times out.
import { readFileSync } from 'node:fs';
import { outputChannelFile } from './codeServer';
import type { Session } from './session';
import { waitFor } from './waits';

/** The channel's text as VS Code wrote it (a log channel's file name drops characters like `:`). */
export function logChannelText(session: Session, channel: string): string {
  const file = outputChannelFile(session.profile, channel.replace(/[\\/:*?"<>|]/g, '')) ?? outputChannelFile(session.profile, channel);
  return file ? readFileSync(file, 'utf8') : '';
}

export function waitForLogChannel(session: Session, channel: string, what: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return waitFor(`the channel "${channel}" to show ${what}`, () => {
    const text = logChannelText(session, channel);
    return pattern.test(text) ? text : undefined;
  }, timeoutMs, 200).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nchannel text:\n${logChannelText(session, channel)}`);
  });
}
