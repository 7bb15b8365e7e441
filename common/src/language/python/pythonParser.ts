// The Python parser: Lezer's Python grammar (@lezer/python), plain JavaScript and synchronous, so
// a Python document is checked the moment it opens and nothing is loaded first. Its trees are
// ordinary objects: nothing to free.
import { TreeFragment, type ChangedRange, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/** A text and its tree, kept to parse the next version of the text incrementally. */
export interface ParsedText {
  text: string;
  tree: Tree;
}

/**
 * Parses Python text into a syntax tree. With the previous version's text and tree, the parts of
 * that tree outside what changed are reused, so a keystroke in a 2,000-line module parses again
 * only around the edit.
 */
export function parsePython(text: string, previous?: ParsedText): Tree {
  if (!previous) return parser.parse(text);
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(previous.tree), [changeBetween(previous.text, text)]);
  return parser.parse(text, fragments);
}

/** The one change that turns `before` into `after`: their common prefix and suffix stay. */
function changeBetween(before: string, after: string): ChangedRange {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { fromA: start, toA: oldEnd, fromB: start, toB: newEnd };
}
