// Journeys: what a user does in the real VS Code, one `journey()` per test. All journeys of one
// test file share one code-server and one browser (started by the first, stopped after the last),
// so a file of journeys costs one start-up. A failing journey leaves under
// test-output/e2e/<journey>/ its screenshots, a screenshot of the moment it failed, the extension
// host log and our output channel's text.
//
//   const journey = journeys('editor', { settings: { ... } });
//   journey('valid file shows no problems', async (workbench) => { await workbench.openFile(...); ... });
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { outputChannelFile } from './codeServer';
import { LANGUAGE_CHANNEL } from './paths';
import { Session, type SessionOptions } from './session';
import type { Workbench } from './workbench';

export interface JourneyOptions {
  /** Settings for this journey, over the file's; set in the settings editor before it starts, reset after. */
  settings?: Record<string, unknown>;
  /** Test time limit (default 3 minutes; the first journey of a file also starts VS Code). */
  timeoutMs?: number;
}

export type JourneyBody = (workbench: Workbench, session: Session) => Promise<void>;

export interface Journey {
  (name: string, body: JourneyBody): void;
  (name: string, options: JourneyOptions, body: JourneyBody): void;
}

/** Journeys sharing one VS Code started with `options`; `name` names its run folder. */
export function journeys(name: string, options: SessionOptions = {}): Journey {
  let session: Promise<Session> | undefined;
  after(async () => {
    if (session) await (await session.catch(() => undefined))?.stop();
  });

  function journey(title: string, optionsOrBody: JourneyOptions | JourneyBody, maybeBody?: JourneyBody): void {
    const journeyOptions = typeof optionsOrBody === 'function' ? {} : optionsOrBody;
    const body = typeof optionsOrBody === 'function' ? optionsOrBody : maybeBody;
    if (!body) throw new Error(`journey "${title}" has no body`);
    void test(title, { timeout: journeyOptions.timeoutMs ?? 180_000 }, async () => {
      session ??= Session.start(name, options);
      const running = await session;
      const workbench = running.workbench;
      const folder = title.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
      workbench.beginJourney(folder);
      rmSync(workbench.journeyDir, { recursive: true, force: true });
      try {
        if (journeyOptions.settings) await workbench.updateSettings({ ...running.settings, ...journeyOptions.settings });
        await body(workbench, running);
      } catch (error) {
        await keepEvidence(workbench, running);
        throw error;
      } finally {
        await workbench.reset();
        if (journeyOptions.settings) await workbench.updateSettings(running.settings);
      }
    });
  }
  return journey as Journey;
}

async function keepEvidence(workbench: Workbench, session: Session): Promise<void> {
  await workbench.screenshot('failure').catch(() => undefined);
  mkdirSync(workbench.journeyDir, { recursive: true });
  const log = workbench.exthostLogPath();
  if (log && existsSync(log)) copyFileSync(log, join(workbench.journeyDir, 'exthost.log'));
  const channel = outputChannelFile(session.profile, LANGUAGE_CHANNEL);
  if (channel) copyFileSync(channel, join(workbench.journeyDir, 'output-language-server.log'));
}
