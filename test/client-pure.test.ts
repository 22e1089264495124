/**
 * The VS Code client's pure parts (no `vscode` import): which cloaked values stay hidden given the
 * cursors, and what "Select schema…" writes (the comment line or the envls.schemas entry).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hiddenRanges } from '../client/src/cloakReveal';
import { codeSelector, DEFAULT_CODE_LANGUAGES } from '../client/src/codeSelector';
import { bindInSetting, directiveEdit, hasDirective, literalGlob, statusDetail, statusText, statusTooltip } from '../client/src/schemaChoice';

const range = (startLine: number, endLine = startLine) => ({ start: { line: startLine, character: 4 }, end: { line: endLine, character: 9 } });

test('cloaking: a value shows while a cursor or selection touches one of its lines', () => {
  const ranges = [range(1), range(3, 5), range(8)];
  assert.deepEqual(hiddenRanges(ranges, []), ranges);
  assert.deepEqual(hiddenRanges(ranges, [{ start: 1, end: 1 }]), [range(3, 5), range(8)]);
  // Any line of a multi-line value reveals it whole.
  assert.deepEqual(hiddenRanges(ranges, [{ start: 4, end: 4 }]), [range(1), range(8)]);
  // A selection over several lines reveals each value it touches; several cursors each reveal theirs.
  assert.deepEqual(hiddenRanges(ranges, [{ start: 0, end: 3 }]), [range(8)]);
  assert.deepEqual(hiddenRanges(ranges, [{ start: 1, end: 1 }, { start: 8, end: 8 }]), [range(3, 5)]);
  assert.deepEqual(hiddenRanges(ranges, [{ start: 2, end: 2 }, { start: 6, end: 7 }]), ranges);
});

test('select schema, comment: first line of the file, or in place of the directive that wins', () => {
  assert.deepEqual(directiveEdit(['A=1', 'B=2'], 'flux/app'), { line: 0, replace: false, text: '# envls-schema: flux/app' });
  assert.deepEqual(directiveEdit(['# app', '  #envls-schema : flux', 'A=1', '# envls-schema: x'], 'flux/app'), { line: 1, replace: true, text: '# envls-schema: flux/app' });
  assert.deepEqual(directiveEdit([], 'authjs'), { line: 0, replace: false, text: '# envls-schema: authjs' });
  assert.equal(hasDirective(['A=1', '# envls-schema: flux']), true);
  // A value that merely mentions it is not a directive.
  assert.equal(hasDirective(['A=# envls-schema: flux']), false);
});

test('select schema, setting: the file bound to the chosen id only, other entries kept', () => {
  assert.deepEqual(bindInSetting(undefined, 'flux/app', 'app/.env'), { 'flux/app': 'app/.env' });
  assert.deepEqual(
    bindInSetting({ 'neosync/api': ['backend/.env*', 'app/.env'], flagsmith: 'app/.env', 'flux/app': 'web/.env' }, 'flux/app', 'app/.env'),
    { 'neosync/api': 'backend/.env*', 'flux/app': ['web/.env', 'app/.env'] },
  );
  // Already bound there: unchanged.
  assert.deepEqual(bindInSetting({ 'flux/app': ['a', 'app/.env'] }, 'flux/app', 'app/.env'), { 'flux/app': ['a', 'app/.env'] });
});

test('select schema, setting: a path becomes a glob matching only itself', () => {
  assert.equal(literalGlob('app/.env'), 'app/.env');
  assert.equal(literalGlob('deploy\\[prod]/.env (copy)'), 'deploy/\\[prod\\]/.env \\(copy\\)');
  assert.equal(literalGlob('a/*.env'), 'a/\\*.env');
});

test('status: short text and detail; never the long reason', () => {
  assert.equal(statusText([]), 'envls: no schema');
  assert.equal(statusText([{ id: 'flux/app', title: 'Flux app' }]), 'envls: Flux app');
  assert.equal(statusText([{ id: 'flux/app', title: 'Flux app' }, { id: 'otel', title: 'OpenTelemetry SDK' }]), 'envls: Flux app +1');
  assert.equal(statusDetail('comment', 'explicit'), 'from # envls-schema');
  assert.equal(statusDetail('setting', 'explicit'), 'from envls.schemas');
  assert.equal(statusDetail('project', 'explicit'), 'declared by the project');
  assert.equal(statusDetail('detected', 'confident'), 'detected');
  assert.equal(statusDetail('detected', 'weak'), 'detected (unsure)');
  assert.equal(statusDetail('none', 'none'), 'general checks only');
});

test('status: where the schemas came from — the manifest in the detail, one line per source in the tooltip', () => {
  const example = { id: 'project:.env.example', title: '.env.example', kind: 'example', why: "the app's example: names, comments and values of the 3 variables it lists" };
  const nextjs = { id: 'nextjs', title: 'Next.js', kind: 'manifest', why: 'next in package.json' };
  const prisma = { id: 'prisma', title: 'Prisma', kind: 'manifest', why: '@prisma/client in package.json' };
  const flux = { id: 'flux/app', title: 'Flux app', kind: 'names', why: 'FLUX_GATEWAY_URL, FLUX_DEFAULT_MODE in the file' };
  assert.equal(statusDetail('detected', 'confident', [nextjs, prisma, example]), 'from package.json + .env.example');
  assert.equal(statusDetail('detected', 'confident', [flux]), 'detected');
  assert.equal(statusDetail('comment', 'explicit', [{ ...flux, kind: 'comment', why: '# envls-schema comment on line 1' }, example]), 'from # envls-schema + .env.example');
  assert.equal(statusDetail('none', 'none', [example]), 'names from .env.example');
  assert.equal(statusText([], [example]), 'envls: .env.example');
  assert.equal(statusTooltip([nextjs, prisma, example], 'unused'), "Next.js (nextjs): next in package.json\nPrisma (prisma): @prisma/client in package.json\n.env.example: the app's example: names, comments and values of the 3 variables it lists");
  assert.equal(statusTooltip([], 'No schema: no schema applies'), 'No schema: no schema applies');
});

test('code languages: the configured ones (files on disk only), none when envls.code.enable is off, unknown ids dropped', () => {
  assert.deepEqual(codeSelector(undefined, undefined).map((e) => e.language), DEFAULT_CODE_LANGUAGES);
  assert.deepEqual(codeSelector(true, ['python', 'python', 'cobol', 3]), [{ language: 'python', scheme: 'file' }]);
  assert.deepEqual(codeSelector(false, ['python']), []);
});
