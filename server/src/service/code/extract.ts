/**
 * What a code file reads from the environment: `extractReads(language, text, parsers)`.
 *
 * Usage: the node layer loads the grammars once (`loadCodeParsers` in server/src/node/codeParsers.ts,
 * asynchronous, on first need) and passes the `CodeParsers` it gets; everything here is then
 * synchronous and pure. `extractReads` parses (tree-sitter) only files that may read something
 * (`mayRead`, a text test), walks the tree from each candidate word (so comments, strings and unrelated
 * calls are not reads), frees the tree and returns EnvRead[] in text order. Dockerfiles and compose
 * files need no parser. A language whose grammar is not loaded gives no reads.
 * `readSiteAt` (readSite.ts) answers where a name may be completed; `codeLanguageOf` (languages.ts)
 * maps a path to its language; `CodeIndex` (codeIndex.ts) keeps the reads of every file.
 */
import { ReadCollector } from './collect';
import { composeReads } from './languages/compose';
import { dockerfileReads } from './languages/dockerfile';
import { goReads } from './languages/go';
import { javascriptReads } from './languages/javascript';
import { phpReads } from './languages/php';
import { pythonReads } from './languages/python';
import { rubyReads } from './languages/ruby';
import { rustReads } from './languages/rust';
import { shellReads } from './languages/shell';
import type { CodeParsers, SyntaxNode } from './syntax';
import type { CodeLanguage, EnvRead } from './types';

type TreeReader = (root: SyntaxNode, out: ReadCollector) => void;

const TREE_READERS: Partial<Record<CodeLanguage, TreeReader>> = {
  javascript: javascriptReads,
  javascriptreact: javascriptReads,
  typescript: javascriptReads,
  typescriptreact: javascriptReads,
  python: pythonReads,
  go: goReads,
  ruby: rubyReads,
  php: phpReads,
  rust: rustReads,
  shellscript: shellReads,
};

/**
 * A cheap test run before parsing: a file none of whose text has the shape of a read reads nothing
 * (every read form below needs one of these). Parsing is most of the cost, so the sharper the better.
 */
const JS_MAY_READ = /\b(?:process|Bun|Deno|meta)\s*(?:\?\.|\.)\s*env\b/;
const MAY_READ: Record<CodeLanguage, RegExp> = {
  javascript: JS_MAY_READ,
  javascriptreact: JS_MAY_READ,
  typescript: JS_MAY_READ,
  typescriptreact: JS_MAY_READ,
  // `environ` read is subscripted or `.get`; `getenv`/`env` called (or `env.str(…)`); a comment or a line
  // continuation may come between inside brackets. So `"environ is …"` in a string is not a candidate.
  python: /\benviron\s*(?:[[.#\\]|$)|\b(?:getenv|env)\s*(?:[(#\\]|$)|\benv\s*\./,
  go: /\bos\s*\.\s*(?:Getenv|LookupEnv)\b/,
  ruby: /\bENV\b/,
  php: /\b(?:env|getenv)\s*\(|\$_(?:ENV|SERVER)\b/,
  rust: /\benv\s*::\s*var|\b(?:option_)?env\s*!/,
  shellscript: /\$\{?[#!]?[A-Za-z_]/,
  dockerfile: /\$|\b(?:ENV|ARG)\b/i,
  dockercompose: /\$|environment/,
};

const CANDIDATES = Object.fromEntries(Object.entries(MAY_READ).map(([language, pattern]) => [language, new RegExp(pattern.source, 'g')])) as Record<CodeLanguage, RegExp>;

export function mayRead(language: CodeLanguage, text: string): boolean {
  return MAY_READ[language].test(text);
}

/**
 * A line that starts with a line comment (before the candidate on it): the candidate is not code.
 * Only openers that are never code at a line's start: `//` (in a string or template it is text too),
 * `/*` with no `*\/` before the candidate, `#` (Ruby: not `#{`, an interpolation; PHP: not `#[`, an
 * attribute). Shell is left out: a heredoc expands `$X` on any line.
 */
const C_COMMENT_LINE = /^\s*(?:\/\/|\/\*(?![^]*\*\/))/;
const COMMENT_LINE: Partial<Record<CodeLanguage, RegExp>> = {
  javascript: C_COMMENT_LINE,
  javascriptreact: C_COMMENT_LINE,
  typescript: C_COMMENT_LINE,
  typescriptreact: C_COMMENT_LINE,
  go: C_COMMENT_LINE,
  rust: C_COMMENT_LINE,
  php: /^\s*(?:\/\/|\/\*(?![^]*\*\/)|#(?!\[))/,
  python: /^\s*#/,
  ruby: /^\s*#(?!\{)/,
};
/** Lines parsed after the last candidate's: a read's fallback (`?? d`, `.unwrap_or(…)`) may follow on the next lines. */
const LINES_AFTER_LAST = 3;

/**
 * How much of the text the parser needs: up to a few lines after the last candidate that is not on a
 * comment line; 0 when there is none. Whether a place is code, a comment or a string depends only on
 * the text before it, so the rest of a file need not be parsed (most of the cost of a large file).
 */
export function parseExtent(language: CodeLanguage, text: string): number {
  const comment = COMMENT_LINE[language];
  let last = -1;
  for (const match of text.matchAll(CANDIDATES[language])) {
    if (comment) {
      const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
      if (comment.test(text.slice(lineStart, match.index))) continue;
    }
    last = match.index + match[0].length;
  }
  return last < 0 ? 0 : extentAfter(text, last);
}

/** The end of the line `LINES_AFTER_LAST` lines after the one of `index` (the text's end when it comes first). */
export function extentAfter(text: string, index: number): number {
  let end = index;
  for (let line = 0; line <= LINES_AFTER_LAST; line++) {
    end = text.indexOf('\n', line === 0 ? end : end + 1);
    if (end === -1) return text.length;
  }
  return end;
}

export function extractReads(language: CodeLanguage, text: string, parsers: CodeParsers | undefined): EnvRead[] {
  if (!mayRead(language, text)) return [];
  const out = new ReadCollector(text);
  if (language === 'dockerfile') dockerfileReads(out);
  else if (language === 'dockercompose') composeReads(out);
  else {
    const extent = parseExtent(language, text);
    if (extent === 0) return [];
    const tree = parsers?.parse(language, extent === text.length ? text : text.slice(0, extent));
    if (!tree) return [];
    try {
      TREE_READERS[language]!(tree.rootNode, out);
    } finally {
      tree.delete();
    }
  }
  return out.reads();
}
