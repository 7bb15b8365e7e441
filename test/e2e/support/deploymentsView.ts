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
  /** The row's accessible label: `deployment, status` for a service, e.g. `weather-agent, Running`. */
  label: string;
  text: string;
  /** Codicon ids on the row's icon, e.g. `pass-filled`, `loading` (+ `modifier-spin`). */
  icons: string[];
  /** The row's place in the list (monaco's data-index): rows are positioned, not in DOM order. */
  index: number;
  /** 1 for a region, 2 for a service, 3 and more for a service's details. */
  level: number;
  /** The region the row is under (a region row's own). */
  region: string;
  /** Whether the row is selected (a reveal selects it). */
  selected: boolean;
}

/** A service row: its deployment's name and region (samples run weather-agent in two regions). */
export interface ServiceRef {
  name: string;
  region?: string;
}

const DEFAULT_REGION = 'us-east-1';

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
    const raw = await this.pane.locator('.monaco-list-row').evaluateAll((nodes: unknown) =>
      (nodes as RowNode[]).map((node) => {
        const icon = node.querySelector('.custom-view-tree-node-item-icon');
        return {
          label: node.getAttribute('aria-label') ?? '',
          text: node.innerText.replace(/\s+/g, ' ').trim(),
          icons: (icon?.className ?? '').split(/\s+/).filter((name) => name.startsWith('codicon-')).map((name) => name.slice('codicon-'.length)),
          index: Number(node.getAttribute('data-index')),
          level: Number(node.getAttribute('aria-level')),
          selected: node.className.split(/\s+/).includes('selected'),
        };
      }),
    );
    let region = '';
    return raw
      .sort((a, b) => a.index - b.index)
      .map((row) => {
        if (row.level === 1) region = row.label.split(' ')[0];
        return { ...row, region };
      });
  }

  /** The service row of `ref` if the view shows it now. */
  async serviceRow(ref: ServiceRef): Promise<TreeRow | undefined> {
    const region = ref.region ?? DEFAULT_REGION;
    return (await this.rows()).find((row) => row.level === 2 && row.region === region && row.label.startsWith(`${ref.name}, `));
  }

  /** The service row of `ref`, once the view shows it. */
  private shownRow(ref: ServiceRef): Promise<TreeRow> {
    return waitFor(`the Deployments view to show ${ref.name} in ${ref.region ?? DEFAULT_REGION}`, () => this.serviceRow(ref), UI_TIMEOUT);
  }

  /** Waits until the service row of `ref` says `status` (its description), and returns it. */
  async waitForService(ref: ServiceRef, status: string | RegExp, timeoutMs = 60_000): Promise<TreeRow> {
    const says = (row: TreeRow): boolean => {
      const description = row.label.slice(ref.name.length + 2);
      return typeof status === 'string' ? description === status : status.test(description);
    };
    try {
      return await waitFor(`the Deployments view to show ${ref.name} in ${ref.region ?? DEFAULT_REGION} as ${String(status)}`, async () => {
        const row = await this.serviceRow(ref);
        return row && says(row) ? row : undefined;
      }, timeoutMs);
    } catch (error) {
      // What the view showed instead is what the failure report needs.
      const shown = (await this.rows()).map((row) => `${row.region}/${String(row.level)} ${JSON.stringify(row.label)}`).join('; ');
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the view shows: ${shown}`, { cause: error });
    }
  }

  /** Right-clicks the service row of `ref` and runs `action` from its context menu. */
  async serviceMenu(ref: ServiceRef, action: string): Promise<void> {
    const row = await this.shownRow(ref);
    await this.menu(this.rowLocator(row), action);
  }

  /** Waits until some row passes `accept`, and returns it. */
  async waitForRow(what: string, accept: (row: TreeRow) => boolean, timeoutMs = 60_000): Promise<TreeRow> {
    return waitFor(`the Deployments view to show ${what}`, async () => (await this.rows()).find(accept), timeoutMs);
  }

  async waitForNoRow(what: string, reject: (row: TreeRow) => boolean, timeoutMs = 60_000): Promise<void> {
    await waitFor(`the Deployments view to stop showing ${what}`, async () => ((await this.rows()).some(reject) ? undefined : true), timeoutMs);
  }

  /** The row on the page (rows are found by their place in the list, not by DOM order). */
  rowLocator(row: TreeRow): Locator {
    return this.pane.locator(`.monaco-list-row[data-index="${String(row.index)}"]`);
  }

  /** Expands the service row of `ref` (its details load on expand). */
  async expand(ref: ServiceRef): Promise<void> {
    await this.expandRow(await this.shownRow(ref));
  }

  /** Expands `row` if it is collapsed, by its twistie (a click on a row with a command runs the command). */
  async expandRow(row: TreeRow): Promise<void> {
    const locator = this.rowLocator(row);
    if ((await locator.getAttribute('aria-expanded')) === 'true') return;
    await locator.locator('.monaco-tl-twistie').click();
    await waitFor(`${row.text} to expand`, async () => ((await locator.getAttribute('aria-expanded')) === 'true' ? true : undefined), UI_TIMEOUT);
  }

  /** Whether the context menu of the service row of `ref` offers `action` (the menu is closed again). */
  async menuOffers(ref: ServiceRef, action: string): Promise<boolean> {
    const row = await this.shownRow(ref);
    await this.rowLocator(row).click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: UI_TIMEOUT });
    const items = await menu.locator('.action-item').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    return items.some((item) => item.trim() === action);
  }

  private async menu(row: Locator, action: string): Promise<void> {
    await row.click({ button: 'right' });
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
