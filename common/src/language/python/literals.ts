// Python literals, both ways: what a literal in the source means (a number, a string, True, None),
// and how a value a fix writes looks in Python. Anything the file computes at run time (a name, a
// call, an f-string, arithmetic) is not a literal: its value is never guessed.
import type { SyntaxNode } from './treeSitter';

export const COMPUTED: unique symbol = Symbol('computed at run time');
export type Literal = string | number | boolean | null | typeof COMPUTED;

/** The value of a scalar literal node; `COMPUTED` for anything else (containers are read by the caller). */
export function scalarLiteral(node: SyntaxNode): Literal {
  switch (node.type) {
    case 'integer':
      return integerValue(node.text);
    case 'float': {
      const value = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(value) && !/[jJ]$/.test(node.text) ? value : COMPUTED;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'string':
      return stringValue(node);
    case 'concatenated_string': {
      let joined = '';
      for (const part of node.namedChildren) {
        const value = part ? stringValue(part) : COMPUTED;
        if (typeof value !== 'string') return COMPUTED;
        joined += value;
      }
      return joined;
    }
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      const operator = node.childForFieldName('operator')?.text;
      const value = operand ? scalarLiteral(operand) : COMPUTED;
      if (typeof value !== 'number' || typeof value === 'boolean') return COMPUTED;
      return operator === '-' ? -value : operator === '+' ? value : COMPUTED;
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.filter((child) => child?.type !== 'comment');
      return inner.length === 1 && inner[0] ? scalarLiteral(inner[0]) : COMPUTED;
    }
    default:
      return COMPUTED;
  }
}

function integerValue(text: string): Literal {
  const digits = text.replace(/_/g, '');
  if (/[lLjJ]$/.test(digits)) return COMPUTED;
  const prefixed = /^0([xXoObB])(.+)$/.exec(digits);
  const value = prefixed ? parseInt(prefixed[2], { x: 16, o: 8, b: 2 }[prefixed[1].toLowerCase() as 'x' | 'o' | 'b']) : Number(digits);
  return Number.isSafeInteger(value) ? value : COMPUTED;
}

/** The prefix letters and quote of a string literal: `"`, `'`, `"""`, with `r`, `b`, `f`, `u`. */
export function stringDelimiter(node: SyntaxNode): { prefix: string; quote: string } | undefined {
  const match = /^([rRbBuUfF]*)("""|'''|"|')/.exec(node.text);
  return match ? { prefix: match[1].toLowerCase(), quote: match[2] } : undefined;
}

/** A plain (or raw) string literal's text; `COMPUTED` for f-strings and bytes. */
function stringValue(node: SyntaxNode): Literal {
  if (node.type !== 'string') return COMPUTED;
  const delimiter = stringDelimiter(node);
  if (!delimiter || /[bf]/.test(delimiter.prefix)) return COMPUTED;
  if (node.namedChildren.some((child) => child?.type === 'interpolation')) return COMPUTED;
  const body = node.text.slice(delimiter.prefix.length + delimiter.quote.length, node.text.length - delimiter.quote.length);
  return delimiter.prefix.includes('r') ? body : unescape(body);
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.|\n)/g, (whole: string, code: string) => {
    if (/^[xuU]/.test(code)) return String.fromCodePoint(parseInt(code.slice(1), 16));
    if (/^[0-7]+$/.test(code) && code !== '0') return String.fromCodePoint(parseInt(code, 8));
    return ESCAPES[code] ?? whole;
  });
}

/** A string as a Python literal in the given quote (`"` or `'`). */
export function pythonString(value: string, quote: string): string {
  if (quote === "'") return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  return JSON.stringify(value);
}

/** A scalar as Python source. */
export function pythonScalar(value: string | number | boolean | null, quote: string): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : pythonString(String(value), quote);
  return pythonString(value, quote);
}

/** True for a name Python accepts as a keyword argument. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);
