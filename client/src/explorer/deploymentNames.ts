// The deployment names a settings file declares (`deployment.name` of each YAML document).
import { parseAllDocuments } from 'yaml';

export function deploymentNamesIn(text: string): string[] {
  const names: string[] = [];
  for (const document of parseAllDocuments(text)) {
    if (!('toJS' in document) || document.errors.length > 0) continue;
    const data: unknown = document.toJS();
    const deployment = typeof data === 'object' && data !== null ? (data as { deployment?: unknown }).deployment : undefined;
    const name = typeof deployment === 'object' && deployment !== null ? (deployment as { name?: unknown }).name : undefined;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}
