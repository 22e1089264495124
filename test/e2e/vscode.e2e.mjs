// VS Code end to end: envls.vsix installed into code-server 4.100.3 (VS Code 1.100.3), driven in Debian's
// Chromium with playwright-core. Every step waits on a condition (a selector, a log line), never on a
// fixed sleep, and leaves a screenshot in test-results/e2e/vscode/.
// Run through `npm run test:e2e` (which packages envls.vsix first), or alone:
//   node --test test/e2e/vscode.e2e.mjs   (needs envls.vsix and `bash scripts/install-e2e.sh`)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeServer, launchBrowser, loadPlaywright } from './codeserver.mjs';
import { AUTH_APP, CODE, FIXTURE_FILES, NAVIGATION, PROJECT, USER_SCHEMA, VSIX, copyWorkspace, requireFile, resultsDir, waitFor } from './lib.mjs';

const EXTENSION_ID = 'envls.envls';
const OUT = resultsDir('vscode');
const { neosync, flux, flagsmith } = FIXTURE_FILES;
/** The language ids VS Code shows by their first alias in the status bar. */
const ALIAS_OF = { dotenv: 'Dotenv', properties: 'Properties', shellscript: 'Shell Script', plaintext: 'Plain Text' };

let cs;
let browser;
let page;
let shot = 0;

async function screenshot(name) {
  shot += 1;
  const file = join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/** Runs a step and saves its screenshot whether it passes or fails. */
function step(name, fn) {
  return async (t) => {
    try {
      await fn(t);
      t.diagnostic(`screenshot: ${await screenshot(name)}`);
    } catch (err) {
      t.diagnostic(`screenshot: ${await screenshot(`${name}-FAILED`)}`);
      throw err;
    }
  };
}

const row = (file) => `.explorer-folders-view .monaco-list-row[aria-label="${file}"]`;
const activeEditor = '.editor-group-container.active .editor-instance .monaco-editor';

async function openFile(file) {
  await page.locator(row(file)).dblclick();
  await page.locator(`.editor-group-container.active .tab.active[aria-label^="${file}"]`).waitFor();
  await page.locator(`${activeEditor} .view-lines`).waitFor();
}

/** The language id of a file, from the explorer's file icon (`<id>-lang-file-icon`). */
async function explorerLanguageId(file) {
  const cls = (await page.locator(`${row(file)} .monaco-icon-label`).getAttribute('class')) ?? '';
  const m = / ([\w.-]+)-lang-file-icon/.exec(cls);
  return m ? m[1] : undefined;
}

/** The problem count the Explorer shows for a file ("<path> • 2 problems in this file"), 0 without one. */
async function explorerProblemCount(file) {
  const label = (await page.locator(`${row(file)} .monaco-icon-label`).getAttribute('aria-label')) ?? '';
  return Number(/ (\d+) problems? in this file/.exec(label)?.[1] ?? 0);
}

async function statusMode() {
  return (await page.locator('#status\\.editor\\.mode').innerText()).trim();
}

/** The editor line whose text starts with `prefix` (the file must be short enough to be visible). */
function line(prefix) {
  return page.locator(`${activeEditor} .view-line`).filter({ hasText: new RegExp(`^${prefix.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}`) }).first();
}

async function editorText() {
  return page.locator(`${activeEditor} .view-lines`).innerText();
}

/** Puts the caret at the start of the line that starts with `prefix`. */
async function caretOnLine(prefix) {
  const l = line(prefix);
  await l.waitFor();
  // A redraw (decorations arriving) may replace the line's element between the two calls: ask again.
  const box = await waitFor(`the box of the line ${prefix}`, () => l.boundingBox(), 10_000);
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

const problemsPanel = '.markers-panel';

/** Opens the Problems panel unless it is showing (the command toggles it). */
async function showProblems() {
  if (!(await page.locator(problemsPanel).isVisible())) await runCommand('View: Toggle Problems');
  await page.locator(problemsPanel).waitFor();
}

/** Types `text` into the Problems filter (it matches messages, sources and codes). */
async function filterProblems(text) {
  await page.locator('.viewpane-filter input, .markers-panel-action-filter input').first().fill(text);
}

/**
 * The Problems rows by file name. Rows come in tree order: a file row ("N problems in file X of folder
 * ."), then its markers, whose text lines are message, source (envls, json), code, position. The list
 * is virtualised: filter it first so that the rows wanted are drawn.
 */
async function markersByFile() {
  const rows = await page.locator(`${problemsPanel} .monaco-list-row`).evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', e.innerText]));
  const byFile = {};
  let file;
  for (const [label, text] of rows) {
    const m = /in file (.+) of folder/.exec(label);
    if (m) file = m[1];
    else if (file) (byFile[file] ??= []).push(text.split('\n'));
  }
  return byFile;
}

/** The marker rows (as lines) under `file` that satisfy `match`. */
async function markersOf(file, match) {
  return ((await markersByFile())[file] ?? []).filter(match);
}

describe('VS Code 1.100 (code-server 4.100.3) with envls.vsix', { timeout: 300_000 }, () => {
  before(async () => {
    requireFile(VSIX, "run 'npm run package' (npm run test:e2e does it)");
    const workspace = copyWorkspace('vscode');
    cs = new CodeServer({ workspace, vsix: VSIX });
    await cs.installExtension();
    await cs.start();
    browser = await launchBrowser(loadPlaywright());
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(cs.url);
    await page.locator(row('.env')).waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await cs?.stop();
  });

  test('language ids: .env, .env.local and prod.env open as dotenv', step('language-ids', async (t) => {
    const observed = {};
    for (const { file } of [neosync, flux, flagsmith]) {
      await openFile(file);
      // Right after start-up the language registry is still filling (a file may show as plain text for
      // a second); wait for dotenv, and record whatever the editor settles on if it never comes.
      await waitFor(`${file} to open as dotenv`, async () => (await explorerLanguageId(file)) === 'dotenv' && (await statusMode()) === ALIAS_OF.dotenv, 20_000).catch(() => {});
      observed[file] = { languageId: await explorerLanguageId(file), statusBar: await statusMode() };
    }
    writeFileSync(join(OUT, 'language-ids.json'), JSON.stringify(observed, null, 2) + '\n');
    t.diagnostic(`observed: ${JSON.stringify(observed)}`);
    for (const [file, o] of Object.entries(observed)) {
      assert.equal(o.languageId, 'dotenv', `${file} opened as ${o.languageId}`);
      assert.equal(o.statusBar, ALIAS_OF.dotenv, `${file}: status bar says ${o.statusBar}`);
    }
  }));

  test('the extension activated and started the server (exthost log on disk)', step('activation', async (t) => {
    const text = await waitFor('envls log with "envls server started"', () => {
      const file = cs.extensionLog(EXTENSION_ID, 'envls');
      if (!file) return undefined;
      const s = readLog(file);
      return /envls server started/.test(s) ? `${file}\n${s}` : undefined;
    }, 60_000);
    t.diagnostic(text.split('\n').slice(0, 6).join('\n'));
  }));

  test('the language status item names the bound schema', step('language-status', async () => {
    await openFile(neosync.file);
    const item = page.locator('#status\\.languageStatus');
    await item.waitFor();
    // The documentation item comes once the client has the schema list (envls/schemas): wait for it in the label.
    await waitFor('the schema documentation item', async () => /schema documentation/.test((await item.getAttribute('aria-label')) ?? ''), 30_000);
    await item.click();
    // Short text (the schema's title), a short detail, and the actions; the full reason is the link's tooltip.
    const hover = page.locator('.monaco-hover, .context-view', { hasText: `envls: ${neosync.schemaTitle}` }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, /from # envls-schema/);
    assert.match(text, /Select schema…/);
    assert.match(text, /Open schema documentation/);
    assert.match(text, /Secrets hidden/);
    await screenshot('language-status-shown');
    await page.keyboard.press('Escape');
  }));

  test('secret values are cloaked on screen, shown while the cursor is on their line or after the toggle', step('cloaking', async (t) => {
    const { key, secret } = neosync.cloaked;
    await openFile(neosync.file);
    const secretLine = line(`${key}=`);
    await secretLine.waitFor();
    // Away from the secret: the caret on another line.
    await caretOnLine('HOST=');
    await waitFor(`${key}'s value hidden`, async () => !(await secretLine.innerText()).includes(secret), 30_000);
    // Not only missing from the text: the span that holds it is not rendered, and a mask stands in its place.
    const rendering = await secretLine.evaluate((el, value) => {
      const spans = [...el.querySelectorAll('span')];
      const holder = spans.find((s) => s.children.length === 0 && s.textContent.includes(value));
      const masks = spans.map((s) => getComputedStyle(s, '::before').content).filter((c) => c.includes('•'));
      return { display: holder ? getComputedStyle(holder).display : 'absent', width: holder?.getBoundingClientRect().width ?? 0, masks };
    }, secret);
    t.diagnostic(`cloaked: ${JSON.stringify(rendering)}`);
    assert.equal(rendering.display, 'none');
    assert.equal(rendering.width, 0);
    assert.ok(rendering.masks.length > 0, 'a mask is drawn');
    // A variable that is not secret keeps its value in sight.
    assert.match(await line('DB_HOST=').innerText(), /^DB_HOST=db$/);
    await screenshot('cloaked');
    // The caret on the secret's line shows it; moving away hides it again.
    await caretOnLine(`${key}=`);
    await waitFor(`${key}'s value shown with the caret on its line`, async () => (await secretLine.innerText()).includes(secret));
    await screenshot('cloak-revealed-on-cursor-line');
    await caretOnLine('DB_HOST=');
    await waitFor(`${key}'s value hidden again`, async () => !(await secretLine.innerText()).includes(secret));
    // The palette's toggle shows every value for the session, and hides them again.
    await runCommand('envls: Toggle Value Cloaking');
    await waitFor(`${key}'s value shown after the toggle`, async () => (await secretLine.innerText()).includes(secret));
    await screenshot('cloak-toggled-off');
    await runCommand('envls: Toggle Value Cloaking');
    await waitFor(`${key}'s value hidden after toggling back`, async () => !(await secretLine.innerText()).includes(secret));
  }));

  test('hovering a key shows its description', step('hover', async () => {
    await openFile(neosync.file);
    const l = line(`${neosync.hoverKey}=`);
    await l.waitFor();
    const key = l.locator('span > span').first();
    await key.hover();
    await page.locator('.monaco-hover', { hasText: neosync.hoverText }).first().waitFor();
    await screenshot('hover-shown');
    await page.mouse.move(5, 5);
  }));

  test('typing part of a name lists the schema variables, with documentation', step('completion', async () => {
    await openFile(neosync.file);
    await page.locator(`${activeEditor} .view-lines`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(neosync.completionPrefix);
    const suggest = page.locator('.editor-widget.suggest-widget');
    const item = suggest.locator('.monaco-list-row', { hasText: neosync.completionItem }).first();
    await item.waitFor({ timeout: 10_000 }).catch(async () => {
      await page.keyboard.press('Control+Space'); // quick suggestions off or dismissed: ask explicitly
      await item.waitFor();
    });
    const details = page.locator('.suggest-details-container .suggest-details', { hasText: neosync.completionDoc });
    // Ctrl+Space toggles "Read More"; an earlier step may have left it either way, so toggle until it shows.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await details.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Control+Space');
    }
    await details.waitFor();
    await screenshot('completion-shown');
    await page.keyboard.press('Escape');
    // Leave the file as it was: undo the typing.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
  }));

  test('the Problems panel lists each file\'s expected codes (missingRequired, aliasConflict, invalidValue, …)', step('problems', async (t) => {
    for (const { file } of [neosync, flux, flagsmith]) await openFile(file);
    await showProblems();
    const seen = [];
    for (const spec of Object.values(FIXTURE_FILES)) {
      for (const code of spec.codes) {
        await filterProblems(code);
        await waitFor(`a ${code} row under ${spec.file} in Problems`, async () =>
          (await markersOf(spec.file, (lines) => lines.includes('envls') && lines.includes(code))).length > 0, 30_000);
        seen.push(`${spec.file}: ${code}`);
      }
    }
    await filterProblems('envls');
    await page.locator(`${problemsPanel} .monaco-list-row`, { hasText: 'envls' }).first().waitFor();
    t.diagnostic(`rows found: ${seen.join('; ')}`);
  }));

  test('a quick fix chosen through Ctrl+. changes the text', step('quick-fix', async () => {
    await openFile(flux.file);
    assert.match(await editorText(), new RegExp(`${flux.aliasKey}=`));
    await caretOnLine(`${flux.aliasKey}=`);
    await page.keyboard.press('Control+.');
    const action = page.locator('.action-widget .monaco-list-row', { hasText: flux.quickFixTitle }).first();
    await action.waitFor();
    await screenshot('quick-fix-menu');
    // Choose it with the keyboard, as a person would after Ctrl+. (a pointer-block overlay covers the menu).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 20 && !flux.quickFixTitle.test((await focused.getAttribute('aria-label')) ?? ''); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert.match((await focused.getAttribute('aria-label')) ?? '', flux.quickFixTitle);
    await page.keyboard.press('Enter');
    await waitFor(`${flux.aliasKey} line removed`, async () => !new RegExp(`^${flux.aliasKey}=`, 'm').test(await editorText()));
    assert.match(await editorText(), /^AUTH_SECRET=/m);
  }));

  /** Opens the quick fix menu (Ctrl+.) on the caret's line and chooses `title` with the keyboard. */
  async function chooseQuickFix(title, shot) {
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor();
    await screenshot(shot);
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 30 && !((await focused.getAttribute('aria-label')) ?? '').includes(title); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert.ok(((await focused.getAttribute('aria-label')) ?? '').includes(title), `${title} focused`);
    await page.keyboard.press('Enter');
  }

  test('"Suppress deprecatedVariable on this line" through Ctrl+. adds the comment and the warning goes', step('suppress-fix', async () => {
    const file = 'suppress.env';
    await openFile(file);
    await waitFor(`the deprecatedVariable warning in ${file}`, async () => (await explorerProblemCount(file)) === 1, 30_000);
    await caretOnLine('ALLOW_SIGNUPS=');
    await chooseQuickFix('Suppress deprecatedVariable on this line', 'suppress-fix-menu');
    await waitFor('the comment above ALLOW_SIGNUPS', async () => /# envls-disable-next-line deprecatedVariable\s*\n\s*ALLOW_SIGNUPS=true/.test((await editorText()).replace(/\u00a0/g, ' ')));
    await waitFor(`no problem left in ${file}`, async () => (await explorerProblemCount(file)) === 0, 30_000);
  }));

  test('"Add DB_PASS" through Ctrl+. puts the line beside its section and the cursor on the new value', step('add-missing', async (t) => {
    const file = 'add.env';
    await openFile(file);
    await waitFor(`the missingRequired error in ${file}`, async () => (await explorerProblemCount(file)) === 1, 30_000);
    await caretAt(1, 1); // the diagnostic sits on the # envls-schema comment
    await chooseQuickFix('Add DB_PASS', 'add-missing-menu');
    // After the last variable of its section (DB_USER), not at the end of the file (LOG_LEVEL).
    await waitFor('DB_PASS= after DB_USER', async () => /DB_USER=postgres\s*\n\s*DB_PASS=\s*\n\s*LOG_LEVEL=/.test((await editorText()).replace(/\u00a0/g, ' ')));
    // The snippet edit's final tab stop: right after `DB_PASS=` on line 7, ready to type the value.
    const status = await waitFor('the caret on the new value', async () => {
      const s = await cursorStatus();
      return s.startsWith('Ln 7, Col 9') ? s : undefined;
    }, 10_000);
    t.diagnostic(`after the fix: ${status}`);
  }));

  /** The status bar's cursor position, e.g. "Ln 2, Col 1 (7 selected)". */
  async function cursorStatus() {
    return (await page.locator('#status\\.editor\\.selection').innerText()).trim();
  }

  /** Moves the caret with Go to Line/Column (1-based), as `:line:column` in the quick input. */
  async function caretAt(line1, column1) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`:${line1}:${column1}`);
    await page.keyboard.press('Enter');
    await waitFor(`the caret at Ln ${line1}, Col ${column1}`, async () => (await cursorStatus()).startsWith(`Ln ${line1}, Col ${column1}`), 10_000);
  }

  test('F12 on a ${VAR} reference goes to the line that defines it', step('go-to-definition', async (t) => {
    const nav = NAVIGATION;
    await openFile(nav.file);
    await line(`${nav.name}=`).waitFor();
    await caretAt(nav.referenceLine + 1, nav.referenceCharacter + 1);
    await screenshot('go-to-definition-before');
    await page.keyboard.press('F12');
    // One definition: the editor jumps to the start of the key on its line.
    const status = await waitFor(`the caret at the start of Ln ${nav.definitionLine + 1}`, async () => {
      const s = await cursorStatus();
      return s.startsWith(`Ln ${nav.definitionLine + 1}, Col 1`) ? s : undefined;
    }, 15_000);
    t.diagnostic(`after F12: ${status}`);
  }));

  test('F2 on a key, typing the new name and Enter renames the key and every reference', step('rename', async (t) => {
    const nav = NAVIGATION;
    await openFile(nav.file);
    const before = readFileSync(join(cs.workspace, nav.file), 'utf8');
    await caretAt(nav.definitionLine + 1, 2);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor();
    assert.equal(await input.inputValue(), nav.name, 'the rename box holds the name');
    // The box takes the focus once it has settled (a person waits to see the caret in it).
    await waitFor('the focus in the rename box', () => input.evaluate((e) => e === document.activeElement), 10_000);
    await page.keyboard.type(nav.newName); // the name is selected: typing replaces it
    await screenshot('rename-typed');
    await page.keyboard.press('Enter');
    const expected = nav.renamed(before).trimEnd();
    const text = await waitFor('every use renamed in the editor', async () => {
      const shown = (await editorText()).replace(/\u00a0/g, ' ');
      return shown.includes(`\${${nav.newName}}`) && shown.includes(`$${nav.newName}@`) && shown.includes(`${nav.newName}=app`) ? shown : undefined;
    }, 15_000);
    t.diagnostic(text);
    for (const l of expected.split('\n')) assert.ok(text.includes(l), `editor shows: ${l}`);
    assert.doesNotMatch(text, new RegExp(`\\b${nav.name}\\b`), `no ${nav.name} left`);
  }));

  // A user's own schema file (USER_SCHEMA): VS Code's JSON language service validates it through the
  // extension's jsonValidation contribution (no "$schema" in the file), envls's server reports it too, and
  // once the typo is fixed in the editor and saved, a .env bound to its id is checked against it.
  const userSchema = USER_SCHEMA;
  /**
   * The Problems rows under the schema file from VS Code's JSON language service. In 1.100 its markers
   * carry no source, only the service's error code ("1" is EnumValueMismatch) and its wording: "Value is
   * not accepted. Valid values: …" — envls's own row says "must be one of" and has source envls.
   */
  const jsonMarkers = () => markersOf(userSchema.file, (lines) => !lines.includes('envls') && /^Value is not accepted\. Valid values: /.test(lines[0]));
  const envlsMarkers = (file, code) => markersOf(file, (lines) => lines.includes('envls') && lines.includes(code));

  test('a user schema file (*.envls.json) is validated by VS Code\'s JSON language service (jsonValidation)', step('user-schema-json', async (t) => {
    await openFile(userSchema.file);
    await waitFor(`${userSchema.file} to open as JSON`, async () => (await statusMode()) === 'JSON', 20_000);
    const typo = page.locator(`${activeEditor} .view-line span`, { hasText: `"${userSchema.typo}"` }).last();
    await typo.waitFor();
    // The JSON language service reports a schema mismatch as a warning (envls's invalidSchema is an error).
    await page.locator(`${activeEditor} .squiggly-warning`).first().waitFor();
    await showProblems();
    await filterProblems('Valid values');
    const rows = await waitFor(`a JSON language service row under ${userSchema.file} naming the allowed types`, async () => {
      const found = (await jsonMarkers()).filter((lines) => /"string"/.test(lines[0]) && /"secret"/.test(lines[0]));
      return found.length > 0 ? found : undefined;
    }, 30_000).catch(async (err) => {
      throw new Error(`${err.message}\nrows: ${JSON.stringify(await markersByFile())}`);
    });
    t.diagnostic(`JSON language service: ${rows.map((r) => r.join(' | ')).join('; ')}`);
    assert.ok(rows[0].includes('1'), `code 1 (EnumValueMismatch) expected: ${rows[0].join(' | ')}`);
    // The same message in the editor: hover the squiggled value.
    await typo.hover();
    await page.locator('.monaco-hover', { hasText: /Value is not accepted/ }).first().waitFor();
    await screenshot('user-schema-json-hover');
    await page.mouse.move(5, 5);
  }));

  test('envls reports the broken schema file (invalidSchema) and does not use it', step('user-schema-envls', async (t) => {
    await openFile(userSchema.envFile);
    await showProblems();
    await filterProblems('invalidSchema');
    const rows = await waitFor(`an envls invalidSchema row under ${userSchema.file}`, async () => {
      const found = await envlsMarkers(userSchema.file, 'invalidSchema');
      return found.length > 0 ? found : undefined;
    }, 30_000);
    t.diagnostic(`envls: ${rows.map((r) => r.join(' | ')).join('; ')}`);
    assert.match(rows[0][0], new RegExp(`type.*"${userSchema.fixed}"`));
    // Until the file is fixed its id is unknown to envls.
    await filterProblems('unknownSchema');
    await waitFor(`an unknownSchema row under ${userSchema.envFile}`, async () => (await envlsMarkers(userSchema.envFile, 'unknownSchema')).length > 0, 30_000);
  }));

  test('fixing the typo by typing and saving: the problems go, and the .env bound to its id is checked against it', step('user-schema-fixed', async (t) => {
    await openFile(userSchema.file);
    const typo = page.locator(`${activeEditor} .view-line span`, { hasText: `"${userSchema.typo}"` }).last();
    await typo.waitFor();
    // A double click selects the word between the quotes; typing replaces it.
    const box = await typo.boundingBox();
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.type(userSchema.fixed);
    await waitFor('the fixed type in the editor', async () => new RegExp(`"type":\\s"${userSchema.fixed}",\\s*$`, 'm').test(await editorText()));
    assert.doesNotMatch(await editorText(), new RegExp(userSchema.typo));
    // envls reads schema files from disk (it is told through its file watchers): save.
    await page.keyboard.press('Control+s');
    await page.locator(`.editor-group-container.active .tab.active[aria-label^="${userSchema.file}"]:not(.dirty)`).waitFor();
    // The .env bound to the id is now checked against the schema: a problem only acme/team can cause.
    await openFile(userSchema.envFile);
    await showProblems();
    await filterProblems(userSchema.missing);
    const rows = await waitFor(`a missingRequired ${userSchema.missing} row under ${userSchema.envFile}`, async () => {
      const found = await envlsMarkers(userSchema.envFile, 'missingRequired');
      return found.length > 0 ? found : undefined;
    }, 30_000);
    t.diagnostic(`envls: ${rows.map((r) => r.join(' | ')).join('; ')}`);
    assert.match(readFileSync(join(cs.workspace, userSchema.file), 'utf8'), new RegExp(`"type": "${userSchema.fixed}",`), 'the fix is saved');
    // The Problems filter applies after a delay, so absence is read from the Explorer's per-file count:
    // none left on the schema file (neither JSON's nor envls's), only the missingRequired on the .env
    // (its unknownSchema is gone).
    await waitFor(`no problems on ${userSchema.file}`, async () => (await explorerProblemCount(userSchema.file)) === 0, 30_000);
    await waitFor(`one problem on ${userSchema.envFile}`, async () => (await explorerProblemCount(userSchema.envFile)) === 1, 30_000);
    await openFile(userSchema.file);
    await screenshot('user-schema-fixed-json');
    await openFile(userSchema.envFile);
  }));

  test('changing an envls setting reaches the running server (envls.lint turns missingRequired off)', step('setting-change', async () => {
    // Written on disk, as a person's edit of .vscode/settings.json would be; VS Code notices and the
    // language client tells the server, which pulls the new values and publishes again.
    const settingsFile = join(cs.workspace, '.vscode/settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'envls.lint': { missingRequired: 'off' } }, null, 2));
    await waitFor(`no problems left on ${userSchema.envFile}`, async () => (await explorerProblemCount(userSchema.envFile)) === 0, 30_000);
  }));

  test('"envls: Fix All" from the palette applies source.fixAll.envls (the duplicate dotenv ignores goes)', step('fix-all', async () => {
    await openFile('fixall.env');
    await waitFor('the duplicateKey squiggle', async () => (await explorerProblemCount('fixall.env')) > 0, 30_000);
    await caretOnLine('APP_MODE=live');
    await runCommand('envls: Fix All');
    await waitFor('the earlier APP_MODE line removed', async () => {
      const text = (await editorText()).replace(/\u00a0/g, ' ');
      return !/^APP_MODE=draft$/m.test(text) && /^APP_MODE=live$/m.test(text);
    });
  }));

  test('"envls: Select Schema…" binds a file through envls.schemas or a # envls-schema comment', step('select-schema', async (t) => {
    const file = 'pick.env';
    const status = page.locator('#status\\.languageStatus');
    /** The language status hover's text (opened by a click, closed again). */
    const statusHover = async (hasText) => {
      // A hover left open by an earlier step would take the click: close it first.
      await page.keyboard.press('Escape');
      await status.click();
      try {
        const hover = page.locator('.monaco-hover, .context-view', { hasText }).first();
        await hover.waitFor();
        return await hover.innerText();
      } finally {
        await page.keyboard.press('Escape');
      }
    };
    /** What the status bar item says (its accessible label), without opening its hover. */
    const statusLabel = async () => (await status.getAttribute('aria-label')) ?? '';
    await openFile(file);
    await statusHover('envls: no schema');
    // Move the mouse off the status bar, so that no hover opens over the quick pick and the editor.
    await page.mouse.move(10, 10);
    const pick = async (id, where) => {
      await runCommand('envls: Select Schema…');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      // The list is long (the catalog) and alphabetical: wait for it, then filter to the id.
      await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
      await input.fill(id);
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: id }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: where }).first().waitFor();
      await input.fill(where);
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: where }).first().waitFor();
      await screenshot(`select-schema-${where.split(' ')[0].toLowerCase()}`);
      await page.keyboard.press('Enter');
    };
    // In the workspace settings: the file is not changed.
    await pick('flagsmith/api', 'Bind in workspace settings');
    const settingsFile = join(cs.workspace, '.vscode/settings.json');
    const written = await waitFor('envls.schemas written', () => JSON.parse(readFileSync(settingsFile, 'utf8'))['envls.schemas']);
    t.diagnostic(`envls.schemas: ${JSON.stringify(written)}`);
    assert.deepEqual(written, { 'flagsmith/api': file });
    await waitFor('the status to name Flagsmith API', async () => /envls: Flagsmith API/.test(await statusLabel()), 30_000);
    // The item's label carries the short reason; a second click on the item could land on the hover the
    // first one left open (the mouse still rests there), so the label is read instead.
    assert.match(await statusLabel(), /from envls\.schemas/);
    // As a comment at the top of the file.
    await pick('flux/app', 'Add');
    // The editor draws spaces as no-break spaces.
    await waitFor('the comment on the first line', async () => (await editorText()).replace(/\u00a0/g, ' ').startsWith('# envls-schema: flux/app\n'));
    await waitFor('the status to name Flux app', async () => /envls: Flux app/.test(await statusLabel()), 30_000);
    assert.match(await statusLabel(), /from # envls-schema/);
  }));

  // Last: opening webapp/.env reveals the webapp folder in the Explorer, whose `.env` rows then share names
  // with the workspace folder's.
  test('a Next.js app\'s layers: the hover shows the effective value per mode, and "Add all missing from .env.example" applies', step('project', async (t) => {
    // Quick Open by path (the Explorer has a `.env` at the top too).
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(PROJECT.file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: PROJECT.folder }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.editor-group-container.active .tab.active[aria-label^=".env"]`).waitFor();
    await waitFor(`${PROJECT.file} in the editor`, async () => /^API_URL=http:\/\/localhost:3000\s*$/.test((await editorText()).replace(/\u00a0/g, ' ').trim()), 20_000);
    // The hover on the key: each mode's value and the file it comes from (Next.js order).
    const key = line(`${PROJECT.key}=`).locator('span > span').first();
    const hover = page.locator('.monaco-hover', { hasText: 'Effective value' }).first();
    // Hovered again until the diagnostics are in too (the hover lists them above the key's own lines).
    await waitFor('the effective-value hover with the diagnostics', async () => {
      await page.mouse.move(5, 5);
      await key.hover();
      await hover.waitFor({ timeout: 5_000 }).catch(() => {});
      return (await hover.isVisible()) && /LOG_LEVEL from \.env\.example/.test(await hover.innerText());
    }, 30_000, 500);
    const shown = (await hover.innerText()).replace(/\u00a0/g, ' ');
    t.diagnostic(`hover: ${shown}`);
    assert.match(shown, /LOG_LEVEL from \.env\.example is not set/, 'the diagnostics are in');
    for (const pattern of PROJECT.hoverText) assert.match(shown, pattern);
    await screenshot('project-hover-effective-value');
    await page.mouse.move(5, 5);
    // The example's variables no layer sets: the fix is on the first line.
    await caretOnLine(`${PROJECT.key}=`);
    const action = page.locator('.action-widget .monaco-list-row', { hasText: PROJECT.fixTitle }).first();
    // The hover above showed the diagnostics, so they have arrived: one Ctrl+. lists the fix.
    await page.keyboard.press('Control+.');
    await action.waitFor();
    await screenshot('project-quick-fix-menu');
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 20 && !PROJECT.fixTitle.test((await focused.getAttribute('aria-label')) ?? ''); i++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.getAttribute('aria-label')) ?? '', PROJECT.fixTitle);
    await page.keyboard.press('Enter');
    const text = await waitFor('the missing variables added with their comments', async () => {
      const t2 = (await editorText()).replace(/\u00a0/g, ' ');
      return PROJECT.added.every((l) => t2.includes(l)) ? t2 : undefined;
    }, 15_000);
    t.diagnostic(`after the fix: ${text}`);
    const lines = text.split('\n');
    assert.deepEqual(lines.filter((l) => PROJECT.added.includes(l)), PROJECT.added, 'in the example\'s order');
  }));

  // After the webapp step, for the same reason (its folder is revealed in the Explorer).
  test('an empty .env of a Next.js + Auth.js + Prisma app completes the schemas\' and the example\'s variables, with the example\'s comment', step('example-completion', async (t) => {
    const app = AUTH_APP;
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(app.file);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: app.folder }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active[aria-label^=".env"]').waitFor();
    await waitFor(`${app.file} (empty) in the editor`, async () => (await editorText()).replace(/[\u00a0\s]/g, '') === '', 20_000);
    // The status item says where the schemas come from: the app's manifest, and its example.
    const status = page.locator('#status\\.languageStatus');
    const label = await waitFor('the status item to name package.json and .env.example', async () => {
      const l = (await status.getAttribute('aria-label')) ?? '';
      return app.statusDetail.test(l) ? l : undefined;
    }, 30_000);
    t.diagnostic(`status: ${label}`);
    await page.mouse.move(5, 5);

    await page.locator(`${activeEditor} .view-lines`).click();
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.editor-widget.suggest-widget');
    const rowOf = (name) => suggest.locator('.monaco-list-row', { hasText: name }).first();
    await rowOf(app.listed[0]).waitFor();
    for (const name of app.listed) await rowOf(name).waitFor({ timeout: 5_000 });
    const shown = await suggest.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    t.diagnostic(`listed in the empty file: ${shown.join(' | ')}`);
    await screenshot('example-completion-list');

    // Typing narrows it: the example's variable, with its comment as the documentation.
    await page.keyboard.type(app.documented.prefix);
    await rowOf(app.documented.item).waitFor();
    const details = page.locator('.suggest-details-container .suggest-details', { hasText: app.documented.doc });
    // Ctrl+Space toggles "Read More"; an earlier step may have left it either way, so toggle until it shows.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await details.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Control+Space');
    }
    await details.waitFor();
    assert.match(await details.innerText(), /from \.env\.example/);
    await screenshot('example-completion-documentation');
    // Accepting it writes the example's working value (a snippet: the value selected, ready to change).
    await page.keyboard.press('Enter');
    await waitFor(`${app.documented.inserted} in the editor`, async () => (await editorText()).replace(/\u00a0/g, ' ').trim() === app.documented.inserted);

    // A Next.js variable the example does not list, on a new line.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(app.nextjs.prefix);
    const nextItem = rowOf(app.nextjs.item);
    await nextItem.waitFor({ timeout: 10_000 }).catch(async () => {
      await page.keyboard.press('Control+Space'); // quick suggestions off or dismissed: ask explicitly
      await nextItem.waitFor();
    });
    await screenshot('example-completion-nextjs');
    await page.keyboard.press('Escape');
  }));

  /** Opens a file by its workspace path through Quick Open (several folders have a `.env`). */
  async function quickOpen(path) {
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(path);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: path.slice(path.lastIndexOf('/') + 1) }).first().waitFor();
    await page.keyboard.press('Enter');
    const name = path.slice(path.lastIndexOf('/') + 1);
    await page.locator(`.editor-group-container.active .tab.active[aria-label^="${name}"]`).waitFor();
    await page.locator(`${activeEditor} .view-lines`).waitFor();
  }

  test('code and .env together: `process.env.` in a .ts file lists the .env\'s variables with their documentation', step('code-completion', async (t) => {
    await quickOpen(CODE.tsFile);
    await waitFor(`${CODE.tsFile} in the editor`, async () => (await editorText()).includes('process.env.ORDERS_URL'), 20_000);
    const before = (await editorText()).replace(/\u00a0/g, ' ');
    await page.locator(`${activeEditor} .view-lines`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('const x = process.env.');
    const suggest = page.locator('.editor-widget.suggest-widget');
    const items = CODE.completionItems.map((label) => suggest.locator('.monaco-list-row', { hasText: label }).first());
    await items[0].waitFor({ timeout: 5_000 }).catch(async () => {
      await page.keyboard.press('Control+Space'); // quick suggestions dismissed: ask explicitly
      await items[0].waitFor();
    });
    for (const item of items) await item.waitFor();
    const details = page.locator('.suggest-details-container .suggest-details', { hasText: CODE.completionDoc });
    // Ctrl+Space toggles "Read More"; an earlier step may have left it either way, so toggle until it shows.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await details.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Control+Space');
    }
    await details.waitFor();
    t.diagnostic(`details: ${await details.innerText()}`);
    await screenshot('code-completion-shown');
    await page.keyboard.press('Escape');
    // Leave the file as it was: undo until the text is back.
    await waitFor('the typing undone', async () => {
      if ((await editorText()).replace(/\u00a0/g, ' ') === before) return true;
      await page.keyboard.press('Control+z');
      return false;
    }, 15_000, 200);
  }));

  test('code and .env together: F12 on process.env.ORDERS_URL lands on its .env line', step('code-definition', async (t) => {
    await quickOpen(CODE.tsFile);
    await caretAt(CODE.tsRead.line + 1, CODE.tsRead.character + 1);
    await page.keyboard.press('F12');
    await page.locator('.editor-group-container.active .tab.active[aria-label^=".env"]').waitFor({ timeout: 15_000 });
    const status = await waitFor(`the caret at the start of Ln ${CODE.envLine + 1}`, async () => {
      const s = await cursorStatus();
      return s.startsWith(`Ln ${CODE.envLine + 1}, Col 1`) ? s : undefined;
    }, 15_000);
    await line(`${CODE.name}=`).waitFor();
    t.diagnostic(`after F12: ${status}`);
  }));

  test('code and .env together: F2 on the key in the .env renames the read in the .ts', step('code-rename', async (t) => {
    await quickOpen(CODE.envFile);
    await line(`${CODE.name}=`).waitFor();
    await caretAt(CODE.envLine + 1, 2);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor();
    assert.equal(await input.inputValue(), CODE.name, 'the rename box holds the name');
    await waitFor('the focus in the rename box', () => input.evaluate((e) => e === document.activeElement), 10_000);
    await page.keyboard.type(CODE.newName);
    await page.keyboard.press('Enter');
    await waitFor('the key renamed in the .env', async () => (await editorText()).replace(/\u00a0/g, ' ').includes(`${CODE.newName}=`), 15_000);
    await screenshot('code-rename-env');
    // orders.ts is still open from the steps above: its tab brings it back.
    await page.locator('.editor-group-container .tab[aria-label^="orders.ts"]').first().click();
    await page.locator('.editor-group-container.active .tab.active[aria-label^="orders.ts"]').waitFor();
    const text = await waitFor('the read renamed in the .ts', async () => {
      const shown = (await editorText()).replace(/\u00a0/g, ' ');
      return shown.includes(`process.env.${CODE.newName};`) ? shown : undefined;
    }, 15_000);
    t.diagnostic(text);
    assert.ok(text.includes('process.env.API_PORT'), 'the other read is untouched');
    assert.doesNotMatch(text, new RegExp(`\\b${CODE.name}\\b`));
  }));
});

function readLog(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// The baseline the grammar decision rests on (docs/grammar.md): what VS Code 1.100 itself makes of these
// files when envls is not installed. It has no dotenv language of its own (that arrived in 1.106).
describe('VS Code 1.100 without envls (baseline)', { timeout: 120_000 }, () => {
  let bare;
  let bareBrowser;
  after(async () => {
    await bareBrowser?.close().catch(() => {});
    await bare?.stop();
  });

  test('has no built-in dotenv language; records the ids it gives .env files', async (t) => {
    bare = new CodeServer({ workspace: copyWorkspace('vscode-bare') });
    assert.ok(!existsSync(join(bare.builtinExtensionsDir, 'dotenv')), 'VS Code 1.100 ships a dotenv extension');
    await bare.start();
    bareBrowser = await launchBrowser(loadPlaywright());
    const p = bareBrowser.pages()[0] ?? (await bareBrowser.newPage());
    await p.goto(bare.url);
    const observed = {};
    for (const { file } of [neosync, flux, flagsmith]) {
      const r = p.locator(row(file));
      await r.waitFor({ timeout: 60_000 });
      await r.dblclick();
      await p.locator(`.editor-group-container.active .tab.active[aria-label^="${file}"]`).waitFor();
      // Settled once the status bar agrees with the file icon's language (both follow the language
      // registry, which fills a moment after start-up: until then every file is 'unknown'). The first
      // file, .env, waits for a known language (up to 20 s) so that the registry is known to be filled.
      const settled = async () => {
        const cls = (await r.locator('.monaco-icon-label').getAttribute('class')) ?? '';
        const lang = / ([\w.-]+)-lang-file-icon/.exec(cls)?.[1];
        const mode = (await p.locator('#status\\.editor\\.mode').innerText()).trim();
        return lang && mode === (lang === 'unknown' ? ALIAS_OF.plaintext : ALIAS_OF[lang] ?? mode) ? lang : undefined;
      };
      if (file === neosync.file) await waitFor('a known language for .env', async () => ((await settled()) ?? 'unknown') !== 'unknown', 20_000).catch(() => {});
      const id = await waitFor(`${file} language`, settled, 20_000);
      observed[file] = id === 'unknown' ? 'plaintext' : id;
    }
    await p.screenshot({ path: join(OUT, 'baseline-without-envls.png') });
    writeFileSync(join(OUT, 'language-ids-without-envls.json'), JSON.stringify(observed, null, 2) + '\n');
    t.diagnostic(`without envls: ${JSON.stringify(observed)}`);
    for (const id of Object.values(observed)) assert.notEqual(id, 'dotenv');
  });
});
