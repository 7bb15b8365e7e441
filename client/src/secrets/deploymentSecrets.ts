// Secret values in VS Code's SecretStorage (the OS keychain): `${env:NAME}` values asked for once,
// and the key that protects a deployment's /invoke, each kept per AWS target, region and
// deployment (secretKeys.ts). Never in settings, files or logs. An index of the stored keys lets
// "Clear Stored Secrets" list and remove them.
import * as vscode from 'vscode';
import { describeRef, parseSecretKey, secretKey, type SecretRef } from './secretKeys';

const INDEX_KEY = 'zenmlAppRunner.storedSecretKeys';

export class DeploymentSecrets {
  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  private keys(): string[] {
    return this.state.get<string[]>(INDEX_KEY, []);
  }

  get(ref: SecretRef): Thenable<string | undefined> {
    return this.storage.get(secretKey(ref));
  }

  async store(ref: SecretRef, value: string): Promise<void> {
    const key = secretKey(ref);
    await this.storage.store(key, value);
    if (!this.keys().includes(key)) await this.state.update(INDEX_KEY, [...this.keys(), key]);
  }

  /**
   * The value of `ref`: the environment when `envName` is set there, else the stored one, else
   * asked for once (password input) and stored. Undefined when the user cancels.
   */
  async resolve(ref: SecretRef, prompt: string, envName?: string): Promise<string | undefined> {
    const fromEnv = envName !== undefined ? process.env[envName] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    const stored = await this.get(ref);
    if (stored !== undefined) return stored;
    const entered = await vscode.window.showInputBox({ title: `${ref.name} for ${ref.deployment}`, prompt, password: true, ignoreFocusOut: true });
    if (entered === undefined) return undefined;
    await this.store(ref, entered);
    return entered;
  }

  /** Every stored value, named for the clear command (keys of other shapes are listed as they are). */
  stored(): { key: string; label: string }[] {
    return this.keys()
      .map((key) => {
        const ref = parseSecretKey(key);
        return { key, label: ref ? describeRef(ref) : key };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  async clear(keys: readonly string[]): Promise<number> {
    for (const key of keys) await this.storage.delete(key);
    await this.state.update(INDEX_KEY, this.keys().filter((key) => !keys.includes(key)));
    return keys.length;
  }
}
