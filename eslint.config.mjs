import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers only import downwards: client (VS Code UI) -> common (pure logic) <- server (LSP), cli.
// Only the client may import `vscode`; no product code imports tests; common imports no LSP.
// Inside common/src: deploy -> language -> domain, and deploy -> aws; domain (settings facts) and
// language (the language service) import nothing above them. test/package/importGraph.test.ts
// checks the same directions, and that no import cycle exists, on the resolved import graph.
const noTests = { group: ['**/test/**'], message: 'Product code never imports from test/.' };
const noVscode = { name: 'vscode', message: 'Only client/src (the VS Code UI) imports vscode.' };
const noClient = { group: ['**/client/src/**'], message: 'Only the extension itself imports client/src.' };
const noLsp = {
  group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', '**/server/src/**'],
  message: 'common/src is pure logic shared by the extension, the language server and the CLI: no LSP.',
};

/** Relative imports from a common/src folder into the sibling folders it must not import. */
function notAbove(folder, above) {
  return {
    regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
    message: `common/src/${folder} imports nothing of ${above.join(', ')}: those layers build on it, not the other way round.`,
  };
}
// The extension's bundle loads the SDK on first use through one file (esbuild.mjs): a value imported
// from the SDK anywhere else would pull it back into activation.
const sdkTypesOnly = {
  group: ['@aws-sdk/*'],
  allowTypeImports: true,
  message: "The AWS SDK's values come through common/src/aws/sdk.ts (loaded on first use); import only its types here.",
};
const commonPatterns = [noTests, noClient, noLsp, sdkTypesOnly];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'test-output/**', '.e2e-cache/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTests, sdkTypesOnly] }] },
  },
  {
    files: ['common/src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: commonPatterns }],
    },
  },
  // A later block's options replace the earlier ones for the same rule: each repeats the common patterns.
  {
    files: ['common/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [...commonPatterns, notAbove('domain', ['language', 'deploy', 'aws', 'logs'])] }] },
  },
  {
    files: ['common/src/language/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [...commonPatterns, notAbove('language', ['deploy', 'aws', 'logs'])] }] },
  },
  {
    files: ['common/src/aws/sdk.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient, noLsp] }] },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient] }],
    },
  },
  {
    // The emulator stands for AWS: it knows nothing of the product, so it cannot agree with it by accident.
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient, { group: ['**/common/src/**', '**/server/src/**', '**/cli/src/**'], message: 'The emulator is independent of the product it tests.' }] }],
    },
  },
  {
    files: ['cli/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient, sdkTypesOnly, { group: ['**/server/src/**'], message: 'The CLI runs common/src, not the language server.' }] }] },
  },
);
