// Small helpers shared by the LSP tests: fixtures, document URIs, applying a WorkspaceEdit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../support/applyEdits';
import { REPO_ROOT, startLspSession, type LspSession, type LspSessionOptions } from '../../support/lspSession';

/**
 * One server for the enclosing `describe`: started before its tests, stopped after them, and
 * failing the suite if the server logged an error nobody expected. Returns the live session.
 */
export function sharedSession(options?: LspSessionOptions, setup?: (session: LspSession) => Promise<void>): () => LspSession {
  let session: LspSession | undefined;
  before(async () => {
    session = await startLspSession(options);
    await setup?.(session);
  });
  after(async () => {
    if (!session) return;
    assert.deepEqual(session.unexpectedErrors(), []);
    await session.stop();
  });
  return () => {
    if (!session) throw new Error('The LSP session has not started.');
    return session;
  };
}

export function fixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'lsp', name), 'utf8');
}

let counter = 0;
/** A fresh URI per call, so tests sharing a server never see each other's documents. */
export function deployerUri(stem = 'test'): string {
  counter++;
  return `file:///workspace/${stem}-${counter}.zenml.deployer.yaml`;
}

/** The position of the first `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error(`The edit has no changes for ${uri}: ${JSON.stringify(edit)}`);
  return applyEdits(text, edits);
}
