// The product's names, in one place: the extension, the language server, the CLI and the tests
// read them from here (the manifest, package.json, spells the same names; a test compares them).

/** What users see: the product, the language server's output channel, the CLI's name. */
export const PRODUCT_NAME = 'ZenML App Runner';
export const LANGUAGE_SERVER_NAME = `${PRODUCT_NAME} Language Server`;
export const CLI_NAME = 'zenml-apprunner';

/** The `source` of every diagnostic, and the suffix of our "fix all" code action kind. */
export const DIAGNOSTIC_SOURCE = 'zenml-apprunner';

/** The VS Code language of deployer files (`contributes.languages` in package.json). */
export const DEPLOYER_LANGUAGE_ID = 'zenml-deployer-yaml';

/** The settings section (`zenmlAppRunner.*`), also the language client's id. */
export const SETTINGS_SECTION = 'zenmlAppRunner';

/**
 * Node.js flags the language server runs with; the extension, the LSP tests and the benchmark
 * start it alike. A young generation of up to 32 MB per semi-space (V8's default is 16 MB): the
 * yaml library builds a document's whole syntax tree before the document itself, allocating
 * about 37 MB for a 5,000-line file, and with the default size the scavenges keep copying that
 * growing tree: about a third of the server's CPU for completion right after a keystroke on such
 * a file. Small files never grow the young generation, so they cost no memory.
 */
export const LANGUAGE_SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
