// The two language servers the benchmark and the LSP fuzzer talk to, as `ServerSpec`s.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEPLOYER_LANGUAGE_ID, LANGUAGE_SERVER_EXEC_ARGV } from '../../../common/src/product';
import type { ServerSpec } from './lspDriver';

/** The repository root, from out/test/bench/support (compiled) or test/bench/support (source). */
export const REPO_ROOT = resolve(__dirname, ...(__dirname.split(/[\\/]/).includes('out') ? ['..', '..', '..', '..'] : ['..', '..', '..']));
export const SCHEMA_PATH = join(REPO_ROOT, 'schemas', 'zenml.deployer.schema.json');
export const DEPLOYER_FILE_GLOBS = ['*.zenml.deployer.yaml', 'zenml.deployer.yaml'];

/**
 * Our server, as the extension runs it: `node <LANGUAGE_SERVER_EXEC_ARGV> dist/server.js --stdio`.
 * ZENML_SERVER_SCRIPT points at another build instead (e.g. to compare a change against a saved copy).
 */
export function ourServer(): ServerSpec {
  const script = process.env.ZENML_SERVER_SCRIPT ? resolve(process.env.ZENML_SERVER_SCRIPT) : join(REPO_ROOT, 'dist', 'server.js');
  if (!existsSync(script)) throw new Error(`${script} does not exist: run \`npm run build\` first`);
  return {
    name: 'ours',
    script,
    execArgv: LANGUAGE_SERVER_EXEC_ARGV,
    cwd: REPO_ROOT,
    languageId: DEPLOYER_LANGUAGE_ID,
    settings: { zenmlAppRunner: { validation: { enable: true, severity: {} }, trace: { server: 'off' } } },
  };
}

/** Red Hat's yaml-language-server (npm), told to check deployer files against our schema. */
export function yamlLanguageServer(): ServerSpec {
  return {
    name: 'yaml-language-server',
    script: join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'server.js'),
    cwd: REPO_ROOT,
    languageId: 'yaml',
    // It associates schemas through `yaml.schemas`: schema URL -> file globs, each glob matched
    // against the end of the document URI. No schema store, no CRDs: nothing from the network.
    // It reads these from workspace/configuration, pulled again on didChangeConfiguration.
    settings: {
      yaml: {
        validate: true,
        hover: false,
        completion: false,
        format: { enable: false },
        schemas: { [pathToFileURL(SCHEMA_PATH).href]: DEPLOYER_FILE_GLOBS },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: {},
    },
    waitForConfigurationPull: true,
  };
}
