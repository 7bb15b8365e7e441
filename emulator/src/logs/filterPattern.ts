// CloudWatch Logs filter patterns, as FilterLogEvents and StartLiveTail apply them (AWS's "Filter
// pattern syntax for metric filters, subscription filters, filter log events, and Live Tail"):
//   - terms: `ERROR Exception` (all must appear, case-sensitive, anywhere in the message),
//     `"exact phrase: with punctuation"`, `-excluded`, `?ERROR ?WARN` (any of the `?` groups);
//   - a standalone regular expression: `%[Ee]rror|[Ff]ail%`;
//   - JSON: `{ $.level = "ERROR" && ($.latency > 500 || $.user.id NOT EXISTS) }` (filterJson.ts);
//   - space-delimited: `[ip, user, ..., status = 4*, bytes > 1000]` (filterDelimited.ts).
// A pattern CloudWatch would refuse answers InvalidParameterException. Where AWS's documentation
// is silent or contradicts itself, the choice made is listed in the emulator's README.
import { AwsError } from '../protocol';
import { readQuoted } from './filterConditions';
import { delimitedMatcher } from './filterDelimited';
import { jsonMatcher } from './filterJson';
import { compileRegex, invalidPattern, invalidTerm } from './filterValues';

export type MessageMatcher = (message: string) => boolean;

interface TermGroup {
  required: string[];
  excluded: string[];
}

const BARE_TERM = /^[A-Za-z0-9_]+$/;

/**
 * Terms, split into groups at each `?` term: the event matches when one group matches, and a group
 * matches when all its terms appear and none of its `-` terms does. `?ERROR ?WARN` is ERROR or WARN;
 * `?ERROR MainThread ?WARN Deadlock` is (ERROR and MainThread) or (WARN and Deadlock), the form
 * AWS's CDK writes for term groups. Terms outside quotes may hold only letters, digits and `_`.
 */
function termMatcher(pattern: string): MessageMatcher {
  const groups: TermGroup[] = [{ required: [], excluded: [] }];
  let i = 0;
  let matchesAll = false;
  while (i < pattern.length) {
    if (/\s/.test(pattern[i])) {
      i++;
      continue;
    }
    let marker = '';
    if (pattern[i] === '?' || pattern[i] === '-') {
      marker = pattern[i++];
      // `"ERROR" - "Exiting"`: a marker may stand apart from its term.
      while (i < pattern.length && /\s/.test(pattern[i])) i++;
      if (i >= pattern.length) throw invalidTerm(marker);
    }
    let term: string;
    let quoted = false;
    const start = i;
    if (pattern[i] === '"') {
      const read = readQuoted(pattern, i);
      if (!read) throw invalidPattern('a double quote is not closed');
      if (read.value === '') throw invalidTerm('""');
      term = read.value;
      quoted = true;
      i = read.end;
      if (i < pattern.length && !/\s/.test(pattern[i])) throw invalidTerm(pattern.slice(start).split(/\s/)[0]);
    } else {
      let end = i;
      while (end < pattern.length && !/\s/.test(pattern[end])) end++;
      term = pattern.slice(i, end);
      i = end;
      if (!BARE_TERM.test(term)) throw invalidTerm(term);
    }
    if (marker === '?') groups.push({ required: [], excluded: [] });
    const group = groups[groups.length - 1];
    // `" "` is AWS's documented way to match every event.
    if (quoted && term.trim() === '') {
      if (marker === '-') throw invalidTerm(`"${term}"`);
      if (marker === '?' || groups.length === 1) matchesAll = true;
      continue;
    }
    (marker === '-' ? group.excluded : group.required).push(term);
  }
  const alternatives = groups.filter((group) => group.required.length > 0 || group.excluded.length > 0);
  if (matchesAll && alternatives.length === 0) return () => true;
  return (message) =>
    alternatives.some((group) => group.required.every((term) => message.includes(term)) && !group.excluded.some((term) => message.includes(term)));
}

function compile(text: string): MessageMatcher {
  if (text === '') return () => true;
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new AwsError('InvalidParameterException', "If a filter pattern starts with '{' it must end with '}'");
    return jsonMatcher(text);
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw invalidPattern("a space-delimited pattern that starts with '[' must end with ']'");
    return delimitedMatcher(text);
  }
  if (text.length > 1 && text.startsWith('%') && text.endsWith('%') && text.indexOf('%', 1) === text.length - 1) {
    const regExp = compileRegex(text.slice(1, -1));
    return (message) => regExp.test(message);
  }
  return termMatcher(text);
}

// FilterLogEvents is called page after page with the same pattern, Live Tail keeps one: compile once.
const compiled = new Map<string, MessageMatcher>();
const CACHE_SIZE = 100;

/** The matcher for `pattern` (undefined or blank: every event); throws InvalidParameterException. */
export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
  const text = (pattern ?? '').trim();
  const cached = compiled.get(text);
  if (cached) return cached;
  const matcher = compile(text);
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  compiled.set(text, matcher);
  return matcher;
}
