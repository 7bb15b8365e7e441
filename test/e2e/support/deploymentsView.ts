// The Deployments view in the real workbench: open it, read its rows (label, description, icon),
// act through context menus, modal dialogs, input boxes and notifications.
import type { Locator } from 'playwright-core';
import { UI_TIMEOUT, type Workbench } from './workbench';
import { waitFor } from './waits';

// The DOM is not in this project's TypeScript lib (Node only): the bits used in the page.
interface RowNode {
  innerText: string;
  className: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): RowNode | null;
}

export interface TreeRow {
  /** The row's accessible label: `name, description` for a service. */
  label: string;
  text: string;
  /** Codicon ids on the row's icon, e.g. `pass-filled`, `loading` (+ `modifier-spin`). */
  icons: string[];
}

export class DeploymentsView {
  constructor(readonly workbench: Workbench) {}

  private get page() {
    return this.workbench.page;
  }

  get pane(): Locator {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: 'Deployments' }) });
  }

  async open(): Promise<void> {
    const item = this.page.locator('.activitybar [aria-label^="ZenML App Runner"]').first();
    await item.waitFor({ timeout: UI_TIMEOUT });
    // Clicking the item of the container already shown would close the side bar.
    if (!(await this.pane.isVisible())) await item.click();
    await this.pane.waitFor({ timeout: UI_TIMEOUT });
  }

  async rows(): Promise<TreeRow[]> {
    return this.pane.locator('.monaco-list-row').evaluateAll((nodes: unknown) =>
      (nodes as RowNode[]).map((node) => {
        const icon = node.querySelector('.custom-view-tree-node-item-icon');
        return {
          label: node.getAttribute('aria-label') ?? '',
          text: node.innerText.replace(/\s+/g, ' ').trim(),
          icons: (icon?.className ?? '').split(/\s+/).filter((name) => name.startsWith('codicon-')).map((name) => name.slice('codicon-'.length)),
        };
      }),
    );
  }

  /** Waits until some row passes `accept`, and returns it. */
  async waitForRow(what: string, accept: (row: TreeRow) => boolean, timeoutMs = 60_000): Promise<TreeRow> {
    return waitFor(`the Deployments view to show ${what}`, async () => (await this.rows()).find(accept), timeoutMs);
  }

  async waitForNoRow(what: string, reject: (row: TreeRow) => boolean, timeoutMs = 60_000): Promise<void> {
    await waitFor(`the Deployments view to stop showing ${what}`, async () => ((await this.rows()).some(reject) ? undefined : true), timeoutMs);
  }

  row(name: string): Locator {
    return this.pane.locator('.monaco-list-row', { hasText: name }).first();
  }

  async contextMenu(name: string, action: string): Promise<void> {
    await this.row(name).click({ button: 'right' });
    const item = this.page.locator('.context-view .monaco-menu .action-item', { hasText: action }).first();
    await item.waitFor({ timeout: UI_TIMEOUT });
    // Hover selects the item, Enter runs it: a click can land while the menu still lays out.
    await item.hover();
    await this.page.locator('.context-view .monaco-menu .action-item.focused', { hasText: action }).waitFor({ timeout: UI_TIMEOUT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  async welcomeText(): Promise<string> {
    const welcome = this.pane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: UI_TIMEOUT });
    return welcome.innerText();
  }

  /** Clicks a button of the modal dialog that names `title`. */
  async answerDialog(title: RegExp, button: string): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    const text = await dialog.innerText();
    if (!title.test(text)) throw new Error(`the dialog says ${JSON.stringify(text)}, expected ${String(title)}`);
    await this.workbench.screenshot('dialog');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    return text;
  }

  /** Types into the open input box (showInputBox) and accepts it. */
  async answerInput(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a notification toast matching `pattern` and returns its text. */
  async notification(pattern: RegExp, timeoutMs = 90_000): Promise<string> {
    return waitFor(`a notification matching ${String(pattern)}`, async () => {
      const texts = await this.page.locator('.notification-toast').allInnerTexts();
      return texts.find((text) => pattern.test(text));
    }, timeoutMs);
  }
}
