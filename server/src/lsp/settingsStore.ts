// Where validation settings come from: pulled per document with `workspace/configuration` when
// the client supports it (cached until the next `didChangeConfiguration`), otherwise whatever
// the client pushed last, otherwise the defaults.
import type { Connection } from 'vscode-languageserver';
import { describeError } from '../../../common/src/describeError';
import {
  DEFAULT_VALIDATION_SETTINGS,
  normalizeValidationSettings,
  VALIDATION_SECTION,
  validationSectionOf,
  type ValidationSettings,
} from './settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ValidationSettings>>();
  private pushed: ValidationSettings = DEFAULT_VALIDATION_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  forDocument(uri: string): Promise<ValidationSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.pull(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: forget pulled values, keep a pushed section. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    const section = validationSectionOf(pushedSettings);
    if (section !== undefined) this.pushed = normalizeValidationSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async pull(uri: string): Promise<ValidationSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: VALIDATION_SECTION });
      return normalizeValidationSettings(raw);
    } catch (error) {
      this.cache.delete(uri);
      this.connection.console.error(`Reading ${VALIDATION_SECTION} failed, using defaults: ${describeError(error, { stack: true })}`);
      return DEFAULT_VALIDATION_SETTINGS;
    }
  }
}
