// Shape checks for what the language service returns: ranges inside the document, non-empty
// codes and messages, fix edits in range. Each returns a list of problems (empty = fine).

export interface Pos {
  line: number;
  character: number;
}

export interface Rng {
  start: Pos;
  end: Pos;
}

/** Line starts and lengths of a text, with \r\n, \r and \n as line breaks (as LSP and VS Code count them). */
export class LineTable {
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.lengths.push(i - this.starts[this.starts.length - 1]);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
    }
    this.lengths.push(text.length - this.starts[this.starts.length - 1]);
  }

  get lineCount(): number {
    return this.lengths.length;
  }

  /** The LSP position of an offset (clamped to the text; inside a line break = end of line). */
  positionAt(offset: number): Pos {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped - this.starts[low], this.lengths[low]) };
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function checkPosition(lines: LineTable, position: unknown, where: string): string[] {
  const p = position as Partial<Pos> | undefined;
  if (!p || !isCount(p.line) || !isCount(p.character)) return [`${where}: not a position: ${JSON.stringify(position)}`];
  if (p.line >= lines.lineCount) return [`${where}: line ${p.line} is past the last line (${lines.lineCount - 1})`];
  if (p.character > lines.lengths[p.line]) {
    return [`${where}: character ${p.character} is past the end of line ${p.line} (length ${lines.lengths[p.line]})`];
  }
  return [];
}

export function checkRange(lines: LineTable, range: unknown, where: string): string[] {
  const r = range as Partial<Rng> | undefined;
  if (!r || typeof r !== 'object') return [`${where}: not a range: ${JSON.stringify(range)}`];
  const problems = [...checkPosition(lines, r.start, `${where}.start`), ...checkPosition(lines, r.end, `${where}.end`)];
  if (problems.length > 0) return problems;
  const { start, end } = r as Rng;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    problems.push(`${where}: start ${start.line}:${start.character} is after end ${end.line}:${end.character}`);
  }
  return problems;
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Checks the findings of `validateText` (the language service's plain data). */
export function checkFindings(lines: LineTable, findings: unknown): string[] {
  if (!Array.isArray(findings)) return [`validateText returned ${typeof findings}, not an array`];
  const problems: string[] = [];
  findings.forEach((finding: Record<string, unknown>, i) => {
    const where = `finding[${i}] (${String(finding?.code)})`;
    problems.push(...checkRange(lines, finding?.range, `${where}.range`));
    if (!nonEmptyString(finding?.code)) problems.push(`${where}: empty code`);
    if (!nonEmptyString(finding?.message)) problems.push(`${where}: empty message`);
    if (!SEVERITIES.has(finding?.severity as string)) problems.push(`${where}: severity ${String(finding?.severity)}`);
    const fixes = finding?.fixes;
    if (!Array.isArray(fixes)) {
      problems.push(`${where}: fixes is not an array`);
      return;
    }
    fixes.forEach((fix: Record<string, unknown>, j) => {
      if (!nonEmptyString(fix?.title)) problems.push(`${where}.fixes[${j}]: empty title`);
      problems.push(...checkEdits(lines, fix?.edits, `${where}.fixes[${j}]`));
    });
  });
  return problems;
}

/** Text edits: each in range, with a string as new text. */
export function checkEdits(lines: LineTable, edits: unknown, where: string): string[] {
  if (!Array.isArray(edits)) return [`${where}: edits is not an array`];
  const problems: string[] = [];
  edits.forEach((edit: Record<string, unknown>, k) => {
    problems.push(...checkRange(lines, edit?.range, `${where}.edits[${k}].range`));
    if (typeof edit?.newText !== 'string') problems.push(`${where}.edits[${k}]: newText is not a string`);
  });
  return problems;
}
