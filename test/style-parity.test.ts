/**
 * envls's style rules against dotenv-linter's own expectations (copied
 * read-only into ../shared): the CLI cases, the per-check unit tests and the
 * all-checks analyzer tests. Each case compares the set of (line, check) pairs.
 * At least 95% of the cases must agree, and every case that does not is listed
 * with its reason in test/fixtures/style-parity-differences.json: a new
 * difference fails, and so does a listed one that went away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate } from '../server/src/service/validate';
import { STYLE_RULES } from '../server/src/service/rules/style/index';
import { RULES_BY_CODE } from '../server/src/service/rules/registry';
import { repoRoot, sharedDir } from './support/dotenvCompare';

const base = join(sharedDir, 'conformance', 'dotenv-linter');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** dotenv-linter check name -> envls code. */
const CODES: Record<string, string> = {
  DuplicatedKey: 'duplicateKey',
  EndingBlankLine: 'endingBlankLine',
  ExtraBlankLine: 'extraBlankLine',
  IncorrectDelimiter: 'incorrectDelimiter',
  KeyWithoutValue: 'keyWithoutValue',
  LeadingCharacter: 'leadingCharacter',
  LowercaseKey: 'lowercaseKey',
  QuoteCharacter: 'quoteCharacter',
  SpaceCharacter: 'spaceCharacter',
  SubstitutionKey: 'substitutionKey',
  TrailingWhitespace: 'trailingWhitespace',
  UnorderedKey: 'unorderedKey',
  ValueWithoutQuotes: 'valueWithoutQuotes',
};
const COMPARED = new Set(Object.values(CODES));

interface Warning {
  line: number;
  check: string;
}

interface Case {
  id: string;
  text: string;
  expected: Warning[];
  /** envls codes compared (a unit test runs one checker; the others are not asked). */
  codes: ReadonlySet<string>;
}

interface Difference {
  case: string;
  onlyDotenvLinter: string[];
  onlyEnvls: string[];
  reason: string;
}

/**
 * A unit test's lines as a file: dotenv-linter reads a file ending in a line
 * break as its lines plus a last "\n" line, so a last "\n" element is that break;
 * other elements are lines, a line break at their end being the one between lines.
 */
function textOfLines(lines: readonly string[]): string {
  const last = lines[lines.length - 1];
  const endsWithBreak = last === '\n' || last === '\r\n';
  const body = (endsWithBreak ? lines.slice(0, -1) : lines).map((l) => l.replace(/\r?\n$/, ''));
  return body.join('\n') + (endsWithBreak ? last : '');
}

function loadCases(): { cases: Case[]; skipped: { id: string; reason: string }[] } {
  const cases: Case[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const all = COMPARED;

  const files = readdirSync(join(base, 'cases')).filter((f) => f.endsWith('.env')).sort();
  const fileTexts = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(base, 'cases', file), 'utf8');
    fileTexts.add(text);
    const expected = readJson(join(base, 'cases', file.replace(/\.env$/, '.expected.json'))).expected_warnings as Warning[];
    cases.push({ id: `cases/${file}`, text, expected, codes: all });
  }

  const integration = readJson(join(base, 'expected', 'cli-and-integration-cases.json'));
  // The CLI cases are the files of cases/ (one file per case); counted once, but checked to be the same.
  for (const c of integration.cli_whole_file_cases.cases as { content: string }[]) {
    assert.ok(fileTexts.has(c.content), `CLI case not among cases/*.env: ${JSON.stringify(c.content)}`);
  }
  for (const c of integration.analyzer_check_all_cases.cases as { test: string; lines: string[]; skip?: string[]; expected_warnings: Warning[] }[]) {
    const skip = new Set((c.skip ?? []).map((s) => CODES[s]));
    cases.push({
      id: `check-all/${c.test}`,
      text: textOfLines(c.lines),
      expected: c.expected_warnings.filter((w) => !skip.has(CODES[w.check])),
      codes: new Set([...all].filter((code) => !skip.has(code))),
    });
  }
  for (const c of integration.schema_cases.cases as { test: string }[]) {
    skipped.push({ id: `schema/${c.test}`, reason: "dotenv-linter's SchemaViolation (its own schema format) is out of scope: envls validates against its own schemas." });
  }

  const unit = readJson(join(base, 'expected', 'analyzer-unit-tests.json')) as Record<string, { test: string; lines: string[]; expected_warnings: Warning[] }[]>;
  for (const [check, tests] of Object.entries(unit)) {
    for (const t of tests) {
      cases.push({ id: `unit/${check}/${t.test}`, text: textOfLines(t.lines), expected: t.expected_warnings, codes: new Set([CODES[check]]) });
    }
  }
  return { cases, skipped };
}

function envlsPairs(c: Case): Set<string> {
  const pairs = new Set<string>();
  for (const d of validate({ doc: parseEnv(c.text), settings: { styleRules: true } })) {
    const code = String(d.code);
    if (c.codes.has(code)) pairs.add(`${d.range.start.line + 1} ${code}`);
  }
  return pairs;
}

function linterPairs(c: Case): Set<string> {
  return new Set(c.expected.map((w) => `${w.line} ${CODES[w.check] ?? w.check}`));
}

const sortPairs = (pairs: Iterable<string>) => [...pairs].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));

test('the style rules are exactly dotenv-linter\'s checks, under their public codes', () => {
  const expected = Object.values(CODES).filter((c) => c !== 'duplicateKey').sort();
  assert.deepEqual(STYLE_RULES.map((r) => r.code).sort(), expected);
  for (const rule of STYLE_RULES) {
    assert.equal(rule.group, 'style', rule.code);
    assert.equal(rule.defaultSeverity, 'warning', rule.code);
    assert.equal(RULES_BY_CODE.get(rule.code), rule, `${rule.code} is registered`);
  }
  assert.equal(RULES_BY_CODE.get('duplicateKey')?.group, 'core', "DuplicatedKey is envls's core duplicateKey");
  for (const [check, code] of Object.entries(CODES)) assert.equal(RULES_BY_CODE.get(code)?.linterCheck, check, `${code} declares dotenv-linter's ${check}`);
});

test('envls style rules agree with dotenv-linter on at least 95% of its cases, differences listed', () => {
  const { cases, skipped } = loadCases();
  const table = readJson(join(repoRoot, 'test', 'fixtures', 'style-parity-differences.json')) as { differences: Difference[] };
  const listed = new Map(table.differences.map((d) => [d.case, d]));
  assert.equal(listed.size, table.differences.length, 'a case is listed twice');

  const found: Difference[] = [];
  for (const c of cases) {
    const mine = envlsPairs(c);
    const theirs = linterPairs(c);
    const onlyDotenvLinter = sortPairs([...theirs].filter((p) => !mine.has(p)));
    const onlyEnvls = sortPairs([...mine].filter((p) => !theirs.has(p)));
    if (onlyDotenvLinter.length > 0 || onlyEnvls.length > 0) found.push({ case: c.id, onlyDotenvLinter, onlyEnvls, reason: '' });
  }

  const unlisted = found.filter((d) => {
    const entry = listed.get(d.case);
    return !entry || JSON.stringify(entry.onlyDotenvLinter) !== JSON.stringify(d.onlyDotenvLinter) || JSON.stringify(entry.onlyEnvls) !== JSON.stringify(d.onlyEnvls);
  });
  assert.deepEqual(unlisted, [], 'differences not in test/fixtures/style-parity-differences.json (or listed with other pairs)');
  const gone = table.differences.filter((d) => !found.some((f) => f.case === d.case)).map((d) => d.case);
  assert.deepEqual(gone, [], 'listed differences that no longer occur: remove them from the table');
  for (const d of table.differences) assert.ok(d.reason.trim().length > 0, `${d.case} needs a reason`);

  const agreeing = cases.length - found.length;
  const percent = (100 * agreeing) / cases.length;
  console.log(`style parity: ${agreeing}/${cases.length} cases agree (${percent.toFixed(1)}%); ${skipped.length} schema cases skipped`);
  assert.ok(cases.length >= 130, `expected the whole corpus, got ${cases.length} cases`);
  assert.ok(percent >= 95, `parity ${percent.toFixed(1)}% is below 95%`);
});
