// Which document of a zenml.deployer.yaml a deploy uses, refusing a file with errors exactly as the
// editor shows them: the plain value of the document deploying `deploymentName` (or the only
// one), or why none can be deployed. Shared by the CLI (through deploy/deployerInput.ts) and the
// language server, which answers the extension's deploy with it.
import { resolveSettings } from '../domain/settingsModel';
import { parseDeployerFile } from './deployerDocument';
import { validateText } from './validate';

export type DeployerDocumentChoice = { ok: true; value: unknown } | { ok: false; message: string; problems: string[] };

export function chooseDeployerDocument(text: string, fileLabel: string, deploymentName?: string): DeployerDocumentChoice {
  const errors = validateText(text, { withFixes: false }).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    const problems = errors.map((finding) => `${fileLabel}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: error ${finding.code} ${finding.message}`);
    return { ok: false, message: `${fileLabel} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'} before deploying.`, problems };
  }
  const documents = parseDeployerFile(text).documents.map((doc) => ({ value: doc.value, settings: resolveSettings(doc.value) }));
  const named = documents.filter(({ settings }) => typeof settings.deployment.name === 'string' && typeof settings.deployment.image === 'string');
  const names = named.map(({ settings }) => `"${settings.deployment.name}"`).join(', ');
  if (named.length === 0) return { ok: false, message: `${fileLabel} has no document with deployment.name and deployment.image: add both to deploy it.`, problems: [] };
  if (deploymentName !== undefined) {
    const match = named.find(({ settings }) => settings.deployment.name === deploymentName);
    return match ? { ok: true, value: match.value } : { ok: false, message: `${fileLabel} has no deployment named "${deploymentName}"; it has ${names}.`, problems: [] };
  }
  if (named.length > 1) return { ok: false, message: `${fileLabel} holds ${named.length} deployments (${names}): choose one with --deployment NAME.`, problems: [] };
  return { ok: true, value: named[0].value };
}
