/** Each style rule (dotenv-linter's checks) on small files, with the text its fix leaves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate, type DiagnosticData } from '../server/src/service/validate';
import { applyEdits } from '../server/src/service/applyEdits';
import { offsetAt } from '../server/src/service/positions';

function findings(text: string, code: string): Diagnostic[] {
  return validate({ doc: parseEnv(text), settings: { styleRules: true } }).filter((d) => d.code === code);
}

/** 1-based lines of the findings of `code`. */
function lines(text: string, code: string): number[] {
  return findings(text, code).map((d) => d.range.start.line + 1);
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function fixesOf(d: Diagnostic): DiagnosticData['fixes'] {
  return (d.data as DiagnosticData).fixes;
}

/** The text after the first fix of the first finding of `code`. */
function fixed(text: string, code: string): string {
  const found = findings(text, code);
  assert.ok(found.length > 0, `a ${code} finding in ${JSON.stringify(text)}`);
  const fix = fixesOf(found[0])[0];
  assert.ok(fix, `${code} offers a fix for ${JSON.stringify(text)}`);
  const doc = parseEnv(text);
  const edits = fix.edits.map((e) => ({ span: { start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end) }, newText: e.newText }));
  return applyEdits(text, edits).text;
}

test('style rules are quiet unless turned on, and one can be turned on alone', () => {
  const text = 'foo = a b\n\n\nB=1\nA=2';
  const codes = (settings: Parameters<typeof validate>[0]['settings']) => validate({ doc: parseEnv(text), settings }).map((d) => d.code);
  assert.deepEqual(codes({}), []);
  assert.deepEqual(codes({ severities: { lowercaseKey: 'warning' } }), ['lowercaseKey']);
  assert.ok(codes({ styleRules: true }).length >= 6);
});

test('leadingCharacter', () => {
  assert.deepEqual(lines('FOO=1\n_BAR=2\n# comment\n\nÉTÉ=3\n', 'leadingCharacter'), []);
  assert.deepEqual(lines('.FOO=1\n*A=2\n1B=3\n C=4\n\tD=5\n', 'leadingCharacter'), [1, 2, 3, 4, 5]);
  assert.equal(fixed('.FOO=BAR\n', 'leadingCharacter'), 'FOO=BAR\n');
  assert.equal(fixed('  FOO=BAR\n', 'leadingCharacter'), 'FOO=BAR\n');
  assert.equal(fixed('-1&*FOO=BAR\n', 'leadingCharacter'), 'FOO=BAR\n');
  assert.equal(fixed(' export 1FOO=bar\n', 'leadingCharacter'), 'export FOO=bar\n', 'export stays');
  // Nothing of the key would be left: no fix guesses a name.
  assert.deepEqual(fixesOf(findings('123=x\n', 'leadingCharacter')[0]), []);
  assert.match(messageOf(findings('.FOO=1\n', 'leadingCharacter')[0]), /\.FOO starts with "\."/);
});

test('incorrectDelimiter', () => {
  assert.deepEqual(lines('FOO_BAR=1\nF100=2\nexport FOO=3\nFOO_BAR =4\n*FOO=5\n', 'incorrectDelimiter'), []);
  assert.deepEqual(lines('FOO-BAR=1\nFOO*=2\nFOO BAR=3\nFOO-BAR\n', 'incorrectDelimiter'), [1, 2, 3, 4]);
  assert.equal(fixed('RAILS-ENV=development\n', 'incorrectDelimiter'), 'RAILS_ENV=development\n');
  assert.equal(fixed('F.O O=1\n', 'incorrectDelimiter'), 'F_O_O=1\n');
  assert.equal(fixed('**RAILS-ENV=1\n', 'incorrectDelimiter'), '**RAILS_ENV=1\n', 'leading characters are leadingCharacter\'s');
  assert.equal(fixed('RAILS-ENV =1\n', 'incorrectDelimiter'), 'RAILS_ENV =1\n', 'the space before `=` is spaceCharacter\'s');
});

test('keyWithoutValue', () => {
  assert.deepEqual(lines('FOO=\nBAR=1\n# NO_VALUE\n\n', 'keyWithoutValue'), []);
  assert.deepEqual(lines('A=1\nFOO\nexport BAR\n', 'keyWithoutValue'), [2, 3]);
  assert.equal(fixed('FOO\n', 'keyWithoutValue'), 'FOO=\n');
  assert.equal(fixed('FOO', 'keyWithoutValue'), 'FOO=');
  assert.equal(fixed('export test  \n', 'keyWithoutValue'), 'export test=  \n');
});

test('lowercaseKey', () => {
  assert.deepEqual(lines('FOO=bar\nexport FOO_2=x\n# lower=case\n', 'lowercaseKey'), []);
  assert.deepEqual(lines('foo_bar=1\nFOo_BAR=2\n', 'lowercaseKey'), [1, 2]);
  assert.equal(fixed('foO=BAR\n', 'lowercaseKey'), 'FOO=BAR\n');
  assert.equal(fixed('export foo=bar\n', 'lowercaseKey'), 'export FOO=bar\n');
  assert.equal(fixed('test\n', 'lowercaseKey'), 'TEST\n');
});

test('quoteCharacter', () => {
  const quiet = ['FOO=BAR', "FOO='BAR BAR'", 'FOO="TLS&SSL"', "FOO='authSource=admin'", 'BAR="$ABC"', 'FOO="#only-comment"', 'FOO="new\\nline"'];
  assert.deepEqual(lines(quiet.join('\n') + '\n', 'quoteCharacter'), []);
  assert.deepEqual(lines(`FOO='BAR'\nFOO="Bar"\nFOO='B"AR'\n`, 'quoteCharacter'), [1, 2, 3]);
  assert.equal(fixed("FOO='BAR'\n", 'quoteCharacter'), 'FOO=BAR\n');
  assert.equal(fixed('FOO="BAR"\n', 'quoteCharacter'), 'FOO=BAR\n');
  // A quote left open is a typo at the edge of the value: removed, as dotenv-linter does.
  assert.equal(fixed("Q_KEY1='VALUE\n", 'quoteCharacter'), 'Q_KEY1=VALUE\n');
  // A quote inside the value is part of it: the fix exists but is not applied by fixAll.
  const [inner] = findings(`FOO='B"AR'\n`, 'quoteCharacter');
  assert.equal(fixesOf(inner)[0].safe, false);
  assert.equal(fixed(`FOO='B"AR'\n`, 'quoteCharacter'), 'FOO=BAR\n');
});

test('spaceCharacter', () => {
  assert.deepEqual(lines('DEBUG_HTTP=true\n DEBUG_HTTP=true\nDEBUG_HTTP=true \nDEBUG_HTTP true\nA = b=c\n', 'spaceCharacter'), []);
  assert.deepEqual(lines('A = 1\nB =1\nC= 1\n', 'spaceCharacter'), [1, 2, 3]);
  assert.equal(fixed('FOO = BAR\n', 'spaceCharacter'), 'FOO=BAR\n');
  assert.equal(fixed('FOO  =BAR\n', 'spaceCharacter'), 'FOO=BAR\n');
  assert.equal(fixed('FOO=  TEST\n', 'spaceCharacter'), 'FOO=TEST\n');
});

test('substitutionKey', () => {
  const quiet = ['ABC=$BAR', 'FOO=${BAR}', 'FOO="$BAR"', 'ABC=${BAR}$XYZ', 'FOO=$ABC{${BAR}', 'BIZ=$FOO-$ABC', 'ABC=\\${BAR', "FOO='${BAR'", 'A=${B}xyz'];
  assert.deepEqual(lines(quiet.join('\n') + '\n', 'substitutionKey'), []);
  assert.deepEqual(lines('ABC=${BAR\nFOO=${BAR!}\nXYZ=$BAR}\nA=${BAR$XYZ}\nB=${ABC-$BAR}\n', 'substitutionKey'), [1, 2, 3, 4, 5]);
  assert.equal(fixed('FOO=${BAR\n', 'substitutionKey'), 'FOO=${BAR}\n');
  assert.equal(fixed('FOO=${BAR/path\n', 'substitutionKey'), 'FOO=${BAR}/path\n');
  assert.equal(fixed('TEST=$BAR}\n', 'substitutionKey'), 'TEST=${BAR}\n');
  assert.equal(fixed('URL=$HOST}/x $PORT\n', 'substitutionKey'), 'URL=${HOST}/x $PORT\n', 'only the broken reference changes');
  // What was meant is not clear: dotenv-linter leaves these too.
  for (const text of ['GOD=${BAR!}\n', 'ABC=${BAR$XYZ}\n', 'FOO=${ABC-$BAR}\n']) {
    assert.deepEqual(fixesOf(findings(text, 'substitutionKey')[0]), [], text);
  }
  assert.match(messageOf(findings('ABC=${BAR\n', 'substitutionKey')[0]), /ABC .*\$\{BAR:/);
});

test('trailingWhitespace', () => {
  assert.deepEqual(lines('DEBUG_HTTP=true\n# comment \nA=1\t\n', 'trailingWhitespace'), []);
  assert.deepEqual(lines('A=1  \nB=2\nC=3 ', 'trailingWhitespace'), [1, 3]);
  assert.equal(fixed('DEBUG_HTTP=true  \n', 'trailingWhitespace'), 'DEBUG_HTTP=true\n');
  assert.equal(fixed('A=1 \t \r\nB=2\r\n', 'trailingWhitespace'), 'A=1\r\nB=2\r\n');
});

test('extraBlankLine', () => {
  assert.deepEqual(lines('A=B\n\nC=D\n', 'extraBlankLine'), []);
  assert.deepEqual(lines('\n# comment\n\nABC=DEF\n', 'extraBlankLine'), [], 'a comment separates blank lines');
  assert.deepEqual(lines('A=B\n\n\n\nC=D\n', 'extraBlankLine'), [3, 4]);
  assert.deepEqual(lines('\n\nABC=DEF\n', 'extraBlankLine'), [2]);
  assert.equal(fixed('A=B\n\n\nC=D\n', 'extraBlankLine'), 'A=B\n\nC=D\n');
  // Two blank lines at the end: the last one has no line break of its own.
  assert.equal(fixed('A=B\n\n', 'extraBlankLine'), 'A=B\n');
  assert.equal(fixed('A=B\r\n\r\n\r\nC=D\r\n', 'extraBlankLine'), 'A=B\r\n\r\nC=D\r\n');
});

test('endingBlankLine', () => {
  assert.deepEqual(lines('A=1\n', 'endingBlankLine'), []);
  assert.deepEqual(lines('A=1\r\n', 'endingBlankLine'), []);
  assert.deepEqual(lines('', 'endingBlankLine'), []);
  assert.deepEqual(lines('A=1\nB=2', 'endingBlankLine'), [2]);
  assert.deepEqual(lines('# Comment 1\n# Comment 2', 'endingBlankLine'), [2]);
  assert.equal(fixed('A=1', 'endingBlankLine'), 'A=1\n');
  assert.equal(fixed('C=D\r\nX=Y', 'endingBlankLine'), 'C=D\r\nX=Y\r\n');
});

test('unorderedKey: findings', () => {
  assert.deepEqual(lines('A=1\nB=2\n\nA=3\n', 'unorderedKey'), []);
  assert.deepEqual(lines('FOO=BAR\n\nBAR=FOO\n', 'unorderedKey'), [], 'a blank line starts a new group');
  assert.deepEqual(lines('FOO=BAR\nBAR=FOO\nABC=BAR\n', 'unorderedKey'), [2, 3]);
  assert.deepEqual(lines('FOO=BAR\nBAR=FOO\nDDD=BAR\nZOO=BAR\n', 'unorderedKey'), [2, 3]);
  assert.match(messageOf(findings('FOO=BAR\nBAR=FOO\n', 'unorderedKey')[0]), /BAR should go before FOO/);
  assert.deepEqual(lines('FOO=BAR\n# dotenv-linter:off LowercaseKey\nBar=FOO\n', 'unorderedKey'), [], 'a control comment starts a new group');
  // A line using a key of its group must stay below it: it ends the group.
  assert.deepEqual(lines('ABC=XYZ\nKEY=VALUE\nFOO=$KEY\nBAR=FOO\nBOO=$FOO\nXYZ=ABC\n', 'unorderedKey'), []);
  assert.deepEqual(lines('HHH=VAL\nZZZ=VALUE\nBBB=$XYZ\nCCC=$HHH\nTTT=BIG\nXYZ=G\nGGG=JJJ\nAAA=$ZZZ\nMMM=$GGG$ZZZ\n', 'unorderedKey'), [3, 7, 8]);
});

test('unorderedKey: the fix sorts the group, comments moving with the key below them', () => {
  assert.equal(fixed('B=C\nA=B\nD=E\n', 'unorderedKey'), 'A=B\nB=C\nD=E\n');
  assert.equal(
    fixed('# X comment 1\n# X comment 2\nX=X\n# A comment\nA=A\nB=B\nZ=Z\n# trailing\n\nC=1\n', 'unorderedKey'),
    '# A comment\nA=A\nB=B\n# X comment 1\n# X comment 2\nX=X\nZ=Z\n# trailing\n\nC=1\n',
  );
  // A multi-line value moves as one line.
  assert.equal(fixed("B='x\ny'\nA=1\n", 'unorderedKey'), "A=1\nB='x\ny'\n");
  const found = findings('C=1\nB=1\nA=1\n', 'unorderedKey');
  assert.equal(found.length, 2);
  assert.equal(fixesOf(found[0]).length, 1, 'the first finding of the group carries the sort');
  assert.deepEqual(fixesOf(found[1]), [], 'the others do not repeat it (it would grow with the square of the group)');
  assert.match(messageOf(found[1]), /the fix on line 2 sorts it/);
});

test('valueWithoutQuotes', () => {
  assert.deepEqual(lines(`FOO=BAR\nFOO="BAR BAZ"\nFOO='BAR BAR'\nFOO="new\\nline value"\n`, 'valueWithoutQuotes'), []);
  assert.deepEqual(lines('A=B\nFOO=BAR BAZ\n', 'valueWithoutQuotes'), [2]);
  assert.equal(fixed('FOO=bar baz\n', 'valueWithoutQuotes'), 'FOO="bar baz"\n');
  assert.equal(fixed('FOO=$A b\n', 'valueWithoutQuotes'), 'FOO="$A b"\n');
  // dotenv turns \n into a line break only between double quotes: single quotes keep the value.
  assert.equal(fixed('FOO=a\\nb c\n', 'valueWithoutQuotes'), "FOO='a\\nb c'\n");
  // Not a quoted value to dotenv (the backtick does not close it), so double quotes keep it as is;
  // `a b` alone is one, and quoting it would add the backticks to the value (below: no fix).
  assert.equal(fixed('FOO=`a b` c\n', 'valueWithoutQuotes'), 'FOO="`a b` c"\n');
  // Quoting would pull the comment into the value, or change it: no fix.
  for (const text of ['FOO=bar baz # comment\n', 'FOO=a # b\n', 'FOO=`a b`\n']) {
    assert.deepEqual(fixesOf(findings(text, 'valueWithoutQuotes')[0]), [], text);
  }
});

test('`# dotenv-linter:off/on` comments are obeyed', () => {
  const text = '# dotenv-linter:off LowercaseKey, KeyWithoutValue\nfoo=1\nbar\n# dotenv-linter:on LowercaseKey\nbaz=1\n';
  assert.deepEqual(lines(text, 'lowercaseKey'), [5]);
  assert.deepEqual(lines(text, 'keyWithoutValue'), []);
  assert.deepEqual(lines('# dotenv-linter:off EndingBlankLine\nA=1', 'endingBlankLine'), []);
});

test('`# envls-disable-next-line` silences a style rule', () => {
  assert.deepEqual(lines('# envls-disable-next-line lowercaseKey\nfoo=1\nbar=2\n', 'lowercaseKey'), [3]);
});

test('the inner lines of a multi-line quoted value are not linted as lines', () => {
  const text = 'M_ENV2="# yml file\n    fields: \n      first: 1\n"\nM_ENV3=\' a\n b \'\n';
  const codes = validate({ doc: parseEnv(text), settings: { styleRules: true } }).map((d) => `${d.range.start.line + 1} ${d.code}`);
  assert.deepEqual(codes, []);
});
