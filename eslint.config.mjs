import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers only import downwards: client (VS Code UI) -> common (pure logic) <- server (LSP), cli.
// Only the client may import `vscode`; no product code imports tests; common imports no LSP.
const noTests = { group: ['**/test/**'], message: 'Product code never imports from test/.' };
const noVscode = { name: 'vscode', message: 'Only client/src (the VS Code UI) imports vscode.' };
const noClient = { group: ['**/client/src/**'], message: 'Only the extension itself imports client/src.' };
const noLsp = {
  group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', '**/server/src/**'],
  message: 'common/src is pure logic shared by the extension, the language server and the CLI: no LSP.',
};

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
    rules: { 'no-restricted-imports': ['error', { patterns: [noTests] }] },
  },
  {
    files: ['common/src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient, noLsp] }],
    },
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
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noTests, noClient, { group: ['**/server/src/**'], message: 'The CLI runs common/src, not the language server.' }] }] },
  },
);
