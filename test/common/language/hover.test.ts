import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsAt } from '../../../common/src/domain/schemaFacts';
import { hoverAt } from '../../../common/src/language/hover';
import type { Position } from '../../../common/src/language/types';

/** The text without the `|` marker, and the marker's position. */
function at(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.replace('|', ''), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function hover(marked: string): string {
  const { text, position } = at(marked);
  const result = hoverAt(text, position);
  assert.ok(result, 'expected a hover');
  return result.markdown;
}

const FILE = `deployment:
  name: weather
settings:
  deployer:
    health_check_protocol: HTTP
    health_check_interval_seconds: 5
  resources:
    cpu_count: 1
    memory: 5GB
`;

void describe('hoverAt', () => {
  void it('shows the title line and the schema description on a key', () => {
    const markdown = hover(FILE.replace('health_check_interval_seconds', 'health_check_inter|val_seconds'));
    const facts = factsAt(['settings', 'deployer', 'health_check_interval_seconds']);
    assert.ok(facts?.markdownDescription);
    assert.match(markdown, /^\*\*`health_check_interval_seconds`\*\* · `integer` · default `10` · 1–20/);
    assert.ok(markdown.includes(facts.markdownDescription));
  });

  void it('lists a short enum in the title line', () => {
    const markdown = hover(FILE.replace('health_check_protocol', '|health_check_protocol'));
    assert.match(markdown, /default `TCP` · one of `TCP`, `HTTP`/);
  });

  void it('explains an enum value from the schema', () => {
    const markdown = hover(FILE.replace('protocol: HTTP', 'protocol: HT|TP'));
    assert.match(markdown, /^`HTTP`: a `GET` on the health path/);
  });

  void it('shows the resolved App Runner size and the rounding on memory and cpu_count', () => {
    for (const marked of [FILE.replace('memory:', 'mem|ory:'), FILE.replace('cpu_count: 1', 'cpu_count: |1')]) {
      const markdown = hover(marked);
      assert.match(markdown, /\*\*2 vCPU \/ 6 GB\*\*/);
      assert.match(markdown, /rounds the request \(1 vCPU, 5 GB\) up/);
    }
  });

  void it('says an exact pair is used as is', () => {
    const markdown = hover(FILE.replace('5GB', '2GB').replace('memory:', '|memory:'));
    assert.match(markdown, /\*\*1 vCPU \/ 2 GB\*\*, exactly as requested/);
  });

  void it('gives a memory value in GB', () => {
    assert.match(hover(FILE.replace('5GB', '2G|iB')), /`2GiB` is 2\.15 GB/);
  });

  void it('covers map entries and the deployer.aws spelling', () => {
    const markdown = hover('settings:\n  deployer.aws:\n    tags:\n      te|am: ml\n');
    assert.match(markdown, /^\*\*`team`\*\* · `string`/);
    assert.match(hover('settings:\n  deployer.aws:\n    reg|ion: us-east-1\n'), /^\*\*`region`\*\*/);
  });

  void it('marks deprecated keys', () => {
    assert.match(hover('settings:\n  deployer:\n    po|rt: 8080\n'), /\*\*Deprecated\.\*\*/);
  });

  void it('finds nothing on unknown keys, comments and blank lines', () => {
    for (const marked of ['deployment:\n  colou|r: red\n', '# a comm|ent\ndeployment:\n  name: x\n', 'deployment:\n|\n  name: x\n']) {
      const { text, position } = at(marked);
      assert.equal(hoverAt(text, position), undefined, marked);
    }
  });

  void it('uses the document under the cursor in a multi-document file', () => {
    const markdown = hover(`${FILE}---\ndeployment:\n  name: other\nsettings:\n  resources:\n    memory: 4G|B\n`);
    assert.match(markdown, /\*\*1 vCPU \/ 4 GB\*\*/);
  });
});
