// A page object for the VS Code workbench in Chromium: what a user does (open a file, go to a
// line, press Ctrl+., hover, ask for completion, run a command) and what they see (Problems,
// quick fixes, hovers, suggestions, inlay hints, output channels). Selectors: shared/e2e.md.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { exthostLog, outputChannelFile, settingsText, type Profile } from './codeServer';
import { JOURNEYS_DIR } from './paths';
import { waitFor } from './waits';

/** Generous: on a loaded 2-core machine the first squiggle can take 12 s. */
export const UI_TIMEOUT = 30_000;

// The DOM is not in this project's TypeScript lib (Node only); these are the bits used in the page.
interface Animated {
  getAnimations(options: { subtree: boolean }): { finished: Promise<unknown> }[];
}
interface DomNode {
  className: string;
  textContent: string | null;
  style: { top: string };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

export interface Problem {
  /** The file the problem is in, as its group's row names it (`zenml.deployer.yaml`). */
  file: string | undefined;
  /** The row's text on one line: message | source | code | position. */
  label: string;
  message: string;
  source: string | undefined;
  code: string | undefined;
  line: number | undefined;
  column: number | undefined;
}

export class Workbench {
  private journey = 'session';
  private step = 0;

  constructor(
    readonly page: Page,
    readonly profile: Profile,
  ) {}

  /** Screenshots from now on go to test-output/e2e/<journey>/. */
  beginJourney(journey: string): void {
    this.journey = journey;
    this.step = 0;
  }

  get journeyDir(): string {
    return join(JOURNEYS_DIR, this.journey);
  }

  async screenshot(step: string): Promise<string> {
    mkdirSync(this.journeyDir, { recursive: true });
    this.step += 1;
    const file = join(this.journeyDir, `${String(this.step).padStart(2, '0')}-${step.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Quick Open (Ctrl+P), the file's name, a click on its row; resolves when its editor is active.
   * Quick Open's list can lag behind a file written a moment ago, and its rows can be redrawn
   * under the click as results arrive: until the file's tab is active, it asks again.
   */
  async openFile(name: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // Several files can contain the name (`zenml.deployer.yaml` is in all of them): pick the row
    // whose file name is exactly it, and check that the active tab is that file.
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    const activeTab = this.page.locator('.tabs-container .tab.active .label-name', { hasText: exact });
    const within = (locator: Locator): Promise<boolean> => locator.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    await waitFor(`the editor of ${name} opened from Quick Open`, async () => {
      await this.page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.fill(name);
      if ((await within(row)) && (await row.click().then(() => true, () => false)) && (await within(activeTab))) return true;
      if (await input.isVisible()) await this.escape();
      return undefined;
    }, UI_TIMEOUT * 2, 500);
    await this.editor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
    await this.focusEditor();
  }

  /**
   * Keyboard focus into the active editor through its input element: a click on the text could
   * land on a code lens (our Deploy lens sits above line 1) and run it.
   */
  async focusEditor(): Promise<void> {
    await this.editor.locator('.native-edit-context, textarea.inputarea').first().focus();
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: UI_TIMEOUT });
  }

  /** Go to line and column (1-based) in the active editor: Quick Open with `:LINE:COL`, as Ctrl+G does. */
  async gotoLine(line: number, column = 1): Promise<void> {
    // Ctrl+G only reaches the editor when it has focus; Quick Open's `:` prefix works from anywhere.
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await waitFor(`the cursor at ${line}:${column}`, async () => ((await this.cursorPosition()) === `${line}:${column}` ? true : undefined), UI_TIMEOUT);
  }

  /** `Ln 12, Col 16` from the status bar as `12:16`. */
  async cursorPosition(): Promise<string | undefined> {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText().catch(() => '');
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    return match ? `${match[1]}:${match[2]}` : undefined;
  }

  /** The editor's text as the user sees it, without inlay hints (the files here fit on one screen). */
  async editorText(): Promise<string[]> {
    return this.editor.locator('.view-lines .view-line').evaluateAll((nodes: unknown) =>
      (nodes as DomNode[])
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) =>
          Array.from(line.querySelectorAll('span > span'))
            // Inlay hints are injected text spans with generated `dyn-rule-*` classes.
            .filter((span) => !/\bdyn-rule-/.test(span.className))
            .map((span) => span.textContent ?? '')
            .join('')
            .replace(/\u00a0/g, ' '),
        ),
    );
  }

  /** The inlay hints in the editor, one string per line that has any. */
  async inlayHints(): Promise<string[]> {
    return this.editor.locator('.view-lines .view-line').evaluateAll((nodes: unknown) =>
      (nodes as DomNode[])
        .map((line) =>
          Array.from(line.querySelectorAll('span[class*="dyn-rule-"]'))
            .map((span) => span.textContent ?? '')
            .join('')
            .replace(/\u00a0/g, ' ')
            .trim(),
        )
        .filter((hint) => hint.length > 0),
    );
  }

  /** Opens the Problems panel and returns its problems (every file's: a closed file's stay until its document closes). */
  async problems(): Promise<Problem[]> {
    await this.showProblems();
    const rows = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    // The panel groups problems under a row naming their file: each problem belongs to the group above it.
    let file: string | undefined;
    const problems: Problem[] = [];
    for (const row of rows) {
      if (/\[Ln \d+, Col \d+\]\s*$/.test(row)) problems.push(parseProblem(row, file));
      else file = row.split('\n').map((line) => line.trim()).find((line) => line.length > 0);
    }
    return problems;
  }

  async showProblems(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  }

  /** Waits until the Problems panel satisfies `accept`, and returns its rows then. */
  async waitForProblems(what: string, accept: (problems: Problem[]) => boolean, timeoutMs = 60_000): Promise<Problem[]> {
    await this.showProblems();
    return waitFor(`the Problems panel to show ${what}`, async () => {
      const problems = await this.problems();
      return accept(problems) ? problems : undefined;
    }, timeoutMs, 250);
  }

  /** Ctrl+. at the cursor: the titles in the quick-fix menu, in order (the menu stays open). */
  async quickFixes(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    // With nothing to offer VS Code shows "No code actions available" instead of the menu.
    const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
    await widget.or(none).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    if (await none.isVisible()) return [];
    await waitFor('quick fixes to be listed', async () => ((await widget.locator('.monaco-list-row.action').count()) > 0 ? true : undefined), UI_TIMEOUT);
    return (await widget.locator('.monaco-list-row.action').allInnerTexts()).map((text) => text.trim());
  }

  /** Chooses a row of the open quick-fix menu by its title. */
  async applyQuickFix(title: string): Promise<void> {
    // By keyboard, as the mouse's click on the menu is swallowed while the editor's hover moves.
    const titles = (await this.page.locator('.action-widget .monaco-list-row.action').allInnerTexts()).map((text) => text.trim());
    const index = titles.indexOf(title);
    if (index < 0) throw new Error(`no quick fix "${title}" in ${JSON.stringify(titles)}`);
    await this.page.locator('.action-widget .monaco-list-row.action.focused').first().waitFor({ timeout: UI_TIMEOUT });
    for (let step = 0; step < index; step += 1) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text. */
  async hoverText(): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitFor('hover content', async () => ((await hover.innerText()).trim().length > 0 ? true : undefined), UI_TIMEOUT);
    // It fades in: let the animation finish so a screenshot shows what the user reads.
    await hover.evaluate((node: unknown) => Promise.all((node as Animated).getAnimations({ subtree: true }).map((animation) => animation.finished)));
    return hover.innerText();
  }

  /** Ctrl+Space at the cursor: the labels of the suggestions (their aria-labels). */
  async suggestions(): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await waitFor('suggestions to be listed', async () => ((await widget.locator('.monaco-list-row').count()) > 0 ? true : undefined), UI_TIMEOUT);
    return widget.locator('.monaco-list-row').evaluateAll((rows: unknown) => (rows as DomNode[]).map((row) => row.getAttribute('aria-label') ?? ''));
  }

  async escape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Runs a command from the palette (F1) by its title as shown there. */
  async runCommand(title: string): Promise<void> {
    // Keys typed while a webview (a dashboard) has the focus go to its page, not to the workbench.
    if ((await this.page.evaluate("document.activeElement?.tagName ?? ''")) === 'IFRAME') {
      await this.page.locator('.tabs-container .tab.active').first().click();
    }
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    // The palette lists what the context allows when it opens: a command a moment from being
    // enabled (its context key set just after what the test waited for) needs the palette again.
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await input.fill(`>${title}`);
      const shown = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error(`The command palette does not offer "${title}"`);
      await this.escape();
    }
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT }).catch(() => undefined);
  }

  /** Shows an output channel in the Output panel and returns its text (from the channel's log file). */
  async outputChannel(name: string): Promise<string> {
    await this.runCommand('Output: Show Output Channels...');
    const pick = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await pick.waitFor({ timeout: UI_TIMEOUT });
    await pick.click();
    const file = await waitFor(`the output channel "${name}" to have a log file`, () => outputChannelFile(this.profile, name), UI_TIMEOUT);
    return readFileSync(file, 'utf8');
  }

  /**
   * Replaces the user settings the way a user does: Preferences: Open User Settings (JSON), new
   * text, save, close. (A change written to the file behind code-server's back is not noticed.)
   */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    await this.runCommand('Preferences: Open User Settings (JSON)');
    await this.page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ timeout: UI_TIMEOUT });
    await this.editor.locator('.view-lines').waitFor({ timeout: UI_TIMEOUT });
    await this.focusEditor();
    await this.page.keyboard.press('Control+A');
    // insertText types no keys, so auto-closing brackets and quotes do not double up.
    await this.page.keyboard.insertText(settingsText(settings));
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await this.runCommand('View: Close Editor');
  }

  exthostLogPath(): string | undefined {
    return exthostLog(this.profile);
  }

  exthostLogText(): string {
    const log = exthostLog(this.profile);
    return log && existsSync(log) ? readFileSync(log, 'utf8') : '';
  }

  /**
   * Closes the editor tabs whose label matches with their close buttons: for webviews, which keep
   * the keyboard focus (F1 would go to their page), so the palette cannot close them.
   */
  async closeTabs(label: RegExp): Promise<void> {
    const tabs = this.page.locator('.tabs-container .tab', { hasText: label });
    while ((await tabs.count()) > 0) {
      const tab = tabs.first();
      await tab.hover();
      await tab.locator('.tab-actions .action-label').first().click();
      await waitFor(`the tab ${String(label)} to close`, async () => ((await tabs.count()) === 0 ? true : (await tab.isVisible()) ? undefined : true), UI_TIMEOUT);
    }
  }

  /** Between journeys: close menus and widgets, then every editor without saving its changes. */
  async reset(): Promise<void> {
    await this.escape();
    await this.escape();
    for (let open = await this.openEditorCount(); open > 0; ) {
      await this.runCommand('View: Revert and Close Editor');
      const before = open;
      open = await waitFor('an editor to close', async () => {
        const now = await this.openEditorCount();
        return now < before ? now : undefined;
      }, UI_TIMEOUT);
    }
  }

  private async openEditorCount(): Promise<number> {
    return this.page.locator('.tabs-container .tab').count();
  }
}

/** A Problems row reads `message`, `source`, `code`, `[Ln 12, Col 16]`, one per line. */
function parseProblem(row: string, file: string | undefined): Problem {
  const lines = row.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const position = /\[Ln (\d+), Col (\d+)\]/.exec(lines[lines.length - 1] ?? '');
  return {
    file,
    label: lines.join(' | '),
    message: lines[0] ?? '',
    source: lines.length >= 4 ? lines[lines.length - 3] : undefined,
    code: lines.length >= 3 ? lines[lines.length - 2] : undefined,
    line: position ? Number(position[1]) : undefined,
    column: position ? Number(position[2]) : undefined,
  };
}
