// Python literals, both ways: what a literal in the source means (a number, a string, True, None),
// and how a value a fix writes looks in Python. Anything the file computes at run time (a name, a
// call, an f-string, arithmetic) is not a literal: its value is never guessed.
import { childrenOf, textOf, type SyntaxNode } from './syntax';

export const COMPUTED: unique symbol = Symbol('computed at run time');
export type Literal = string | number | boolean | null | typeof COMPUTED;

/** The value of a scalar literal node of the module `text`; `COMPUTED` for anything else (containers are read by the caller). */
export function scalarLiteral(node: SyntaxNode, text: string): Literal {
  switch (node.name) {
    case 'Number':
      return numberValue(textOf(text, node));
    case 'Boolean':
      return textOf(text, node) === 'True';
    case 'None':
      return null;
    case 'String':
      return stringValue(node, text);
    case 'ContinuedString': {
      let joined = '';
      for (const part of childrenOf(node)) {
        const value = part.name === 'String' ? stringValue(part, text) : COMPUTED;
        if (typeof value !== 'string') return COMPUTED;
        joined += value;
      }
      return joined;
    }
    case 'UnaryExpression': {
      const [operator, operand] = childrenOf(node);
      const value = operand ? scalarLiteral(operand, text) : COMPUTED;
      if (typeof value !== 'number') return COMPUTED;
      const sign = textOf(text, operator);
      return sign === '-' ? -value : sign === '+' ? value : COMPUTED;
    }
    case 'ParenthesizedExpression': {
      const inner = childrenOf(node).filter((child) => child.name !== '(' && child.name !== ')');
      return inner.length === 1 ? scalarLiteral(inner[0], text) : COMPUTED;
    }
    default:
      // f-strings (FormatString) included: their value is computed.
      return COMPUTED;
  }
}

/** A number as written: an int (decimal, hex, octal, binary) or a float; complex numbers are computed. */
function numberValue(written: string): Literal {
  const digits = written.replace(/_/g, '');
  if (/[lLjJ]$/.test(digits)) return COMPUTED;
  const prefixed = /^0([xXoObB])(.+)$/.exec(digits);
  if (prefixed) return safeInteger(parseInt(prefixed[2], { x: 16, o: 8, b: 2 }[prefixed[1].toLowerCase() as 'x' | 'o' | 'b']));
  const value = Number(digits);
  if (/^[0-9]+$/.test(digits)) return safeInteger(value);
  return Number.isFinite(value) ? value : COMPUTED;
}

function safeInteger(value: number): Literal {
  return Number.isSafeInteger(value) ? value : COMPUTED;
}

/** The prefix letters and quote of a string literal: `"`, `'`, `"""`, with `r`, `b`, `f`, `u`. */
export function stringDelimiter(written: string): { prefix: string; quote: string } | undefined {
  const match = /^([rRbBuUfF]*)("""|'''|"|')/.exec(written);
  return match ? { prefix: match[1].toLowerCase(), quote: match[2] } : undefined;
}

/** A plain (or raw) string literal's text; `COMPUTED` for bytes, and for a string left open. */
function stringValue(node: SyntaxNode, text: string): Literal {
  if (childrenOf(node).some((child) => child.type.isError)) return COMPUTED;
  const written = textOf(text, node);
  const delimiter = stringDelimiter(written);
  if (!delimiter || /[bf]/.test(delimiter.prefix)) return COMPUTED;
  const start = delimiter.prefix.length + delimiter.quote.length;
  if (!isClosed(written, start, delimiter.quote)) return COMPUTED;
  const body = written.slice(start, written.length - delimiter.quote.length);
  return delimiter.prefix.includes('r') ? body : unescape(body);
}

/** Whether a string literal ends with its closing quote: the grammar ends an unclosed one-line string at its line's end, with no error. */
function isClosed(written: string, start: number, quote: string): boolean {
  const body = written.slice(start, written.length - quote.length);
  const escapes = /\\*$/.exec(body)?.[0].length ?? 0;
  return written.length >= start + quote.length && written.endsWith(quote) && escapes % 2 === 0;
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
