// The edits rules build their quick fixes with, in whatever syntax the settings are written in:
// each call goes to the scope's own editor (YAML for deployer files and run configs, Python for
// Python modules). The rules never see the syntax; an editor that cannot make an edit safely
// returns `undefined` and the fix is not offered.
import { DeployerDocument } from './deployerDocument';
import type { Entry, NodeRef, Path, SettingsEditor, SettingsTree } from './settingsTree';
import type { TextEdit } from './types';
import { yamlEditor } from './yamlEdits';

export { documentStartMarker, replaceTabIndent } from './yamlEdits';
export { entryEnd, indentUnit, MovedValue, scalarText, stringText, type Entry, type YamlValue } from './yamlText';

const NO_EDITS: SettingsEditor = {
  replaceValue: () => undefined,
  renameKey: () => undefined,
  insertEntries: () => undefined,
  setEntries: () => undefined,
  deleteEntry: () => undefined,
  moveEntry: () => undefined,
  replaceEntry: () => undefined,
};

const yamlEditors = new WeakMap<DeployerDocument, SettingsEditor>();

function editorOf(doc: SettingsTree): SettingsEditor {
  if (doc.editor) return doc.editor;
  if (!(doc instanceof DeployerDocument)) return NO_EDITS;
  let editor = yamlEditors.get(doc);
  if (!editor) {
    editor = yamlEditor(doc);
    yamlEditors.set(doc, editor);
  }
  return editor;
}

/** Replaces an entry's value with a scalar (or writes one where the value is empty). */
export function replaceValue(doc: SettingsTree, ref: NodeRef, value: string | number | boolean | null): TextEdit | undefined {
  return editorOf(doc).replaceValue(ref, value);
}

/** Renames the key of an entry. */
export function renameKey(doc: SettingsTree, ref: NodeRef, newKey: string): TextEdit | undefined {
  return editorOf(doc).renameKey(ref, newKey);
}

/** Adds entries to the mapping at `parentPath`, creating the missing blocks on the way. */
export function insertEntries(doc: SettingsTree, parentPath: Path, entries: readonly Entry[]): TextEdit | undefined {
  return editorOf(doc).insertEntries(parentPath, entries);
}

/** Sets each entry of the mapping at `parentPath`: replaces existing values, inserts the others. */
export function setEntries(doc: SettingsTree, parentPath: Path, entries: readonly Entry[]): TextEdit[] | undefined {
  return editorOf(doc).setEntries(parentPath, entries);
}

/** Sets one scalar at `path`, replacing or inserting it. */
export function setValue(doc: SettingsTree, path: Path, value: string | number | boolean | null): TextEdit[] | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  return setEntries(doc, path.slice(0, -1), [[key, value]]);
}

/** Removes an entry. */
export function deleteEntry(doc: SettingsTree, ref: NodeRef): TextEdit | undefined {
  return editorOf(doc).deleteEntry(ref);
}

/** Moves an entry (key and value) under `targetParentPath`, optionally renamed. */
export function moveEntry(doc: SettingsTree, ref: NodeRef, targetParentPath: Path, newKey?: string): TextEdit[] | undefined {
  return editorOf(doc).moveEntry(ref, targetParentPath, newKey);
}

/** Replaces an entry (`key: value`) with other entries, e.g. `generate_auth_key: true`. */
export function replaceEntry(doc: SettingsTree, ref: NodeRef, entries: readonly Entry[]): TextEdit | undefined {
  return editorOf(doc).replaceEntry(ref, entries);
}
