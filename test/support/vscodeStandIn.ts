// The start of a script for `node -e` that evaluates the extension's bundles outside the extension
// host: `vscode` (which only the host provides) resolves to an object with every name
// @types/vscode declares, each a stand-in that answers any use with itself, so a module's top
// level runs as in the host (classes extending VS Code's, enums read, the API re-exported once),
// minus the host's real API. The script goes on to require what it evaluates.
export const VSCODE_STAND_IN = `
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const stub = new Proxy(function () {}, { get: (target, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => ({}) });
const declared = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\\s*export (?:class|enum|namespace|const|function|let) (\\w+)/gm);
const vscode = Object.fromEntries([...declared].map((match) => [match[1], stub]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
`;
