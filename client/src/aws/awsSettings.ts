// Where the extension sends AWS calls, from the settings: `zenmlAppRunner.endpoint` (the emulator,
// LocalStack), `zenmlAppRunner.profile` and `zenmlAppRunner.regions` (empty: the SDK's default
// region, from AWS_REGION or the profile).
import * as vscode from 'vscode';
import { createAwsClients, defaultRegion, type AwsClients, type AwsTarget } from '../../../common/src/aws/clientFactory';

export interface AwsSettings {
  endpoint?: string;
  profile?: string;
  regions: string[];
}

export function readAwsSettings(): AwsSettings {
  const config = vscode.workspace.getConfiguration('zenmlAppRunner');
  const endpoint = config.get<string>('endpoint', '').trim();
  const profile = config.get<string>('profile', '').trim();
  const regions = config.get<string[]>('regions', []).map((region) => region.trim()).filter((region) => region.length > 0);
  return { ...(endpoint ? { endpoint } : {}), ...(profile ? { profile } : {}), regions };
}

export function targetFor(region: string, settings: AwsSettings = readAwsSettings()): AwsTarget {
  return { region, ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}), ...(settings.profile !== undefined ? { profile: settings.profile } : {}) };
}

export function clientsFor(region: string): AwsClients {
  return createAwsClients(targetFor(region));
}

/** The configured regions, else the SDK's default region; empty when neither says. */
export async function regionsToSearch(settings: AwsSettings = readAwsSettings()): Promise<string[]> {
  if (settings.regions.length > 0) return settings.regions;
  const region = await defaultRegion(settings.profile);
  return region !== undefined ? [region] : [];
}
