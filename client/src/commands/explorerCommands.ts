// Commands that choose what the Deployments view shows: refresh, profile, regions, filter.
import * as vscode from 'vscode';
import { listProfiles } from '../aws/profiles';
import type { CommandContext } from './context';

const DEFAULT_CHAIN = '$(key) Default credential chain';

async function selectProfile(): Promise<void> {
  const config = vscode.workspace.getConfiguration('zenmlAppRunner');
  const current = config.get<string>('profile', '');
  const profiles = await listProfiles();
  const items: vscode.QuickPickItem[] = [
    { label: DEFAULT_CHAIN, description: 'AWS_PROFILE, environment variables, SSO, instance role', picked: current === '' },
    ...profiles.map((name) => ({ label: name, description: name === current ? 'current' : undefined })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'AWS profile for ZenML App Runner',
    placeHolder: profiles.length === 0 ? 'No profiles in ~/.aws/config or ~/.aws/credentials: run `aws configure` to add one' : 'Choose a profile',
  });
  if (!picked) return;
  await config.update('profile', picked.label === DEFAULT_CHAIN ? undefined : picked.label, vscode.ConfigurationTarget.Global);
}

async function selectRegions(): Promise<void> {
  const config = vscode.workspace.getConfiguration('zenmlAppRunner');
  const current = new Set(config.get<string[]>('regions', []));
  // The region list is read from the schema: loaded when asked for, not at activation.
  const { APP_RUNNER_REGIONS } = await import('../../../common/src/domain/regions.js');
  const picked = await vscode.window.showQuickPick(
    APP_RUNNER_REGIONS.map((region) => ({ label: region, picked: current.has(region) })),
    { title: 'Regions to show in the Deployments view', canPickMany: true, placeHolder: 'App Runner regions (none: the profile\'s default region)' },
  );
  if (!picked) return;
  await config.update('regions', picked.map((item) => item.label), vscode.ConfigurationTarget.Global);
}

async function setFilter(filter: 'zenml' | 'all'): Promise<void> {
  await vscode.workspace.getConfiguration('zenmlAppRunner.explorer').update('serviceFilter', filter, vscode.ConfigurationTarget.Global);
}

export function registerExplorerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('zenmlAppRunner.refresh', () => ctx.tree.refresh(true)),
    vscode.commands.registerCommand('zenmlAppRunner.selectProfile', selectProfile),
    vscode.commands.registerCommand('zenmlAppRunner.selectRegions', selectRegions),
    vscode.commands.registerCommand('zenmlAppRunner.showAllServices', () => setFilter('all')),
    vscode.commands.registerCommand('zenmlAppRunner.showZenmlServices', () => setFilter('zenml')),
  ];
}
