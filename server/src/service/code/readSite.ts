/**
 * `readSiteAt(language, text, offset, parsers?)`: is the cursor where a variable's name goes in a read
 * expression (`process.env.|`, `process.env.DA|`, `os.getenv("|`, `ENV['|`, `${|` …), and what is typed
 * of the name so far? Asked while typing, so the code is often incomplete (an unclosed string, nothing
 * after the dot): the read's shape is matched on the text before the cursor, and the syntax tree (when
 * parsers are given) only rules out a comment or a string literal where the match starts.
 */
import { extentAfter } from './extract';
import { OffsetRanges } from './offsets';
import type { CodeParsers, SyntaxNode } from './syntax';
import type { CodeLanguage, ReadSite } from './types';

interface SitePattern {
  /** Must end with `$`; group `p` is the typed part of the name, `q` the quote when the name is quoted. */
  before: RegExp;
  /** For a site recognised by what follows the cursor (destructuring): a test on the text after it. */
  after?: RegExp;
}

const JS_ENV = String.raw`(?:\b(?:process|Bun)|\bimport\s*\.\s*meta)\s*\.\s*env`;
const QUOTED = (quotes: string) => String.raw`(?<q>[${quotes}])(?<p>[^${quotes}\\\n]*)$`;
const DJANGO_METHODS = 'str|bool|int|float|json|list|tuple|dict|url|db_url|db|cache_url|cache|email_url|email|search_url|queue_url|queue|path|bytes';
const SHELL: SitePattern[] = [{ before: /\$\{?(?<p>[A-Za-z_][A-Za-z0-9_]*)?$/ }];
const JS: SitePattern[] = [
  { before: new RegExp(String.raw`${JS_ENV}\s*(?:\?\.|\.)\s*(?<p>[A-Za-z_$][\w$]*)?$`) },
  { before: new RegExp(String.raw`${JS_ENV}\s*(?:\?\.)?\[\s*${QUOTED("'\"`")}`) },
  { before: new RegExp(String.raw`\bDeno\s*\.\s*env\s*\.\s*get\s*\(\s*${QUOTED("'\"`")}`) },
  // `const { A, B| } = process.env`
  { before: /[{,]\s*(?<p>[A-Za-z_$][\w$]*)?$/, after: new RegExp(String.raw`^[\w$]*\s*(?:[,:=][^}]*)?\}\s*=\s*${JS_ENV}\b`) },
];

const PATTERNS: Record<CodeLanguage, SitePattern[]> = {
  javascript: JS,
  javascriptreact: JS,
  typescript: JS,
  typescriptreact: JS,
  python: [
    { before: new RegExp(String.raw`\b(?:os\s*\.\s*)?environ\s*\[\s*${QUOTED(`'"`)}`) },
    { before: new RegExp(String.raw`\b(?:(?:os\s*\.\s*)?environ\s*\.\s*get|(?:os\s*\.\s*)?getenv)\s*\(\s*${QUOTED(`'"`)}`) },
    { before: new RegExp(String.raw`(?<![\w.])env(?:\s*\.\s*(?:${DJANGO_METHODS}))?\s*\(\s*${QUOTED(`'"`)}`) },
  ],
  go: [{ before: new RegExp(String.raw`\bos\s*\.\s*(?:Getenv|LookupEnv)\s*\(\s*${QUOTED('"`')}`) }],
  ruby: [
    { before: new RegExp(String.raw`\bENV\s*\[\s*${QUOTED(`'"`)}`) },
    { before: new RegExp(String.raw`\bENV\s*\.\s*fetch\s*\(?\s*${QUOTED(`'"`)}`) },
  ],
  php: [
    { before: new RegExp(String.raw`(?<![\w>$:])\\?(?:env|getenv)\s*\(\s*${QUOTED(`'"`)}`) },
    { before: new RegExp(String.raw`\$_(?:ENV|SERVER)\s*\[\s*${QUOTED(`'"`)}`) },
  ],
  rust: [{ before: new RegExp(String.raw`(?:\b(?:std\s*::\s*)?env\s*::\s*var(?:_os)?\s*\(|\b(?:option_)?env!\s*[(\[{])\s*${QUOTED('"')}`) }],
  shellscript: SHELL,
  dockerfile: SHELL,
  dockercompose: [{ before: /(?<!\$)\$\{?(?<p>[A-Za-z_][A-Za-z0-9_]*)?$/ }],
};

const JS_FAMILY = new Set<CodeLanguage>(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

/** How far back and ahead of the cursor a read expression is looked for. */
const WINDOW = 300;

export function readSiteAt(language: CodeLanguage, text: string, offset: number, parsers?: CodeParsers): ReadSite | undefined {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - WINDOW);
  const before = text.slice(lineStart, offset);
  for (const pattern of PATTERNS[language]) {
    const match = pattern.before.exec(before);
    if (!match?.groups) continue;
    const quote = match.groups.q;
    const typed = match.groups.p ?? '';
    const rest = text.slice(offset, offset + WINDOW);
    if (pattern.after && !pattern.after.test(rest)) continue;
    const tail = (quote ? new RegExp(`^[^${quote}\\\\\\s)\\]]*`) : /^[\w$]*/).exec(rest)![0];
    const tailLength = quote || JS_FAMILY.has(language) ? tail.length : /^\w*/.exec(tail)![0].length;
    const start = offset - typed.length;
    const anchor = lineStart + match.index;
    if (!isCode(language, text, anchor, parsers)) continue;
    const ranges = new OffsetRanges(text);
    const site: ReadSite = { prefix: typed, replace: ranges.range(start, offset + tailLength) };
    if (quote) site.quote = quote;
    return site;
  }
  return undefined;
}

const STRINGS = new Set(['string', 'string_fragment', 'string_content', 'template_string', 'encapsed_string', 'interpreted_string_literal', 'raw_string_literal', 'string_literal', 'raw_string', 'heredoc_body', 'nowdoc_body']);
/** Code inside a string: an interpolation ends the climb. */
const INTERPOLATIONS = new Set(['template_substitution', 'interpolation', 'simple_expansion', 'expansion', 'command_substitution', 'string_interpolation']);

/** False when the read's first character is inside a comment or a string literal (as far as the tree or the line tells). */
function isCode(language: CodeLanguage, text: string, anchor: number, parsers: CodeParsers | undefined): boolean {
  if (language === 'dockerfile' || language === 'dockercompose') return !commentedLine(text, anchor, language);
  // Whether a place is code depends only on the text before it (as for extraction, a few lines more):
  // the rest of a long file need not be parsed on every keystroke.
  const extent = extentAfter(text, anchor);
  const tree = parsers?.parse(language, extent === text.length ? text : text.slice(0, extent));
  if (!tree) return true;
  try {
    let node: SyntaxNode | null = tree.rootNode.descendantForIndex(anchor, anchor + 1);
    // Shell: `$` inside double quotes is expanded; only single quotes and comments are text.
    const strings = language === 'shellscript' ? new Set(['raw_string']) : STRINGS;
    for (; node; node = node.parent) {
      if (INTERPOLATIONS.has(node.type)) return true;
      if (node.type.includes('comment') || strings.has(node.type)) return false;
    }
    return true;
  } finally {
    tree.delete();
  }
}

/** Dockerfile: a line starting with `#`; compose (YAML): a `#` at the line's start or after a blank, outside quotes. */
function commentedLine(text: string, anchor: number, language: CodeLanguage): boolean {
  const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
  const line = text.slice(lineStart, anchor);
  if (language === 'dockerfile') return line.trimStart().startsWith('#');
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return true;
  }
  return false;
}
