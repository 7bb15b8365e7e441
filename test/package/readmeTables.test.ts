// The README's command and settings tables are the extension's reference on its page: every
// command of package.json (by its title) and every setting with its default, and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
};

/** The first cells of the table whose header row starts with `| <header> |`. */
function firstColumn(header: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  assert.ok(start >= 0, `README.md has no table headed "${header}"`);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

void test('the README command table has one row per contributed command, by its title', () => {
  const titles = firstColumn('Command').map((row) => row.split('|')[1].trim());
  assert.deepEqual([...titles].sort(), manifest.contributes.commands.map((command) => command.title).sort());
});

void test('the README settings table lists every setting with its default', () => {
  const rows = firstColumn('Setting').map((row) => {
    const [, key, value] = /^\| `([^`]+)` \| `([^`]+)` \|/.exec(row) ?? [];
    return [key, value];
  });
  const expected = Object.entries(manifest.contributes.configuration.properties).map(([key, property]) => [key, JSON.stringify(property.default)]);
  assert.deepEqual(rows, expected);
});
