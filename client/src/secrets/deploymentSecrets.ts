// Secret values per deployment in VS Code's SecretStorage (the OS keychain): `${env:NAME}`
// values asked for once, and the key that protects a deployment's /invoke. Never in settings,
// files or logs. An index of the stored keys lets "Clear Stored Secrets" list and remove them.
import * as vscode from 'vscode';

const INDEX_KEY = 'zenmlAppRunner.storedSecretKeys';

export class DeploymentSecrets {
  constructor(private readonly storage: vscode.SecretStorage, private readonly state: vscode.Memento) {}

  private keys(): string[] {
    return this.state.get<string[]>(INDEX_KEY, []);
  }

  private static key(deployment: string, name: string): string {
    return `zenmlAppRunner/${deployment}/${name}`;
  }

  get(deployment: string, name: string): Thenable<string | undefined> {
    return this.storage.get(DeploymentSecrets.key(deployment, name));
  }

  async store(deployment: string, name: string, value: string): Promise<void> {
    const key = DeploymentSecrets.key(deployment, name);
    await this.storage.store(key, value);
    if (!this.keys().includes(key)) await this.state.update(INDEX_KEY, [...this.keys(), key]);
  }

  /**
   * The value of `name` for `deployment`: the environment when `envName` is set there, else the
   * stored one, else asked for once (password input) and stored. Undefined when the user cancels.
   */
  async resolve(deployment: string, name: string, prompt: string, envName?: string): Promise<string | undefined> {
    const fromEnv = envName !== undefined ? process.env[envName] : undefined;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    const stored = await this.get(deployment, name);
    if (stored !== undefined) return stored;
    const entered = await vscode.window.showInputBox({ title: `${name} for ${deployment}`, prompt, password: true, ignoreFocusOut: true });
    if (entered === undefined) return undefined;
    await this.store(deployment, name, entered);
    return entered;
  }

  /** Deployments with stored values, for the clear command. */
  deployments(): string[] {
    return [...new Set(this.keys().map((key) => key.split('/')[1]))].sort();
  }

  async clear(deployment?: string): Promise<number> {
    const doomed = this.keys().filter((key) => deployment === undefined || key.split('/')[1] === deployment);
    for (const key of doomed) await this.storage.delete(key);
    await this.state.update(INDEX_KEY, this.keys().filter((key) => !doomed.includes(key)));
    return doomed.length;
  }
}
