/**
 * Open documents, their analyses and what is published for them. One analysis per
 * document version and workspace generation; every request is answered from it.
 * Diagnostics (and the `envls/binding` notice when it changed) are published once
 * per version and generation: opening a file validates it once. After a settings
 * change the open documents are re-checked one at a time, yielding between them so
 * that requests get through.
 */
import { TextDocuments, type Connection, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../service/analyze';
import type { ProjectContext } from '../service/project/context';
import { BINDING_NOTIFICATION, type BindingNotice } from './bindingNotice';
import { schemaSourcesOf } from '../service/schemaSources';
import { guard, settle, type Logger } from './guard';
import type { Runtime } from './runtime';
import type { Workspace } from './workspace';

/** Code documents (code and .env together, protocol/code.ts): they are never analysed as env files. */
export interface CodeDocumentRouter {
  isCode(document: TextDocument): boolean;
  /** Opened or changed: the code index takes its text, its diagnostics are published. */
  changed(document: TextDocument): void;
  closed(uri: string): void;
  /** Publishes its diagnostics again when something they depend on changed (once per state). */
  publish(document: TextDocument): void;
}

interface Cached {
  version: number;
  generation: number;
  /** The stamp of the document's app in its project (protocol/project.ts). */
  stamp: string;
  analysis: Analysis;
  project: ProjectContext | undefined;
}

export class OpenDocuments {
  private readonly documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: updateClamped });
  private readonly analyses = new Map<string, Cached>();
  /** Per URI: `version:generation` last published, and the binding notice last sent. */
  private readonly published = new Map<string, string>();
  private readonly bindings = new Map<string, string>();
  /** Per URI: the version whose rule failures were logged (a settings change re-analyses the same version). */
  private readonly failuresLogged = new Map<string, number>();
  private pass = 0;
  private code: CodeDocumentRouter | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly runtime: Runtime,
    private readonly workspace: Workspace,
    private readonly log: Logger,
  ) {
    this.documents.onDidChangeContent(
      guard(log, 'validate', undefined, (event) => {
        if (this.code?.isCode(event.document)) return this.code.changed(event.document);
        // The project sees the editor's text first: this document's analysis and its app's others read it.
        const projectChanged = workspace.project.openText(event.document.uri, event.document.getText());
        this.publish(event.document);
        if (projectChanged) void this.revalidateAll();
      }),
    );
    this.documents.onDidClose(
      guard(log, 'close', undefined, (event) => {
        const { uri } = event.document;
        if (this.code?.isCode(event.document)) return this.code.closed(uri);
        this.analyses.delete(uri);
        this.published.delete(uri);
        this.bindings.delete(uri);
        this.failuresLogged.delete(uri);
        settle(log, 'clearing diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
        if (workspace.project.closed(uri)) void this.revalidateAll();
      }),
    );
  }

  routeCode(router: CodeDocumentRouter): void {
    this.code = router;
  }

  /** Whether the document is a code document (then only the code features answer for it). */
  isCode(document: TextDocument): boolean {
    return this.code?.isCode(document) === true;
  }

  listen(): void {
    this.documents.listen(this.connection);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  analysisOf(document: TextDocument): Analysis {
    return this.cachedOf(document).analysis;
  }

  /** The document's place in its project, as its current analysis saw it. */
  projectOf(document: TextDocument): ProjectContext | undefined {
    return this.cachedOf(document).project;
  }

  private cachedOf(document: TextDocument): Cached {
    const { generation } = this.workspace;
    const stamp = this.workspace.project.stampOf(document.uri);
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === generation && cached.stamp === stamp) return cached;
    const project = this.workspace.project.contextOf(document.uri);
    const settings = this.runtime.extraRules ? { ...this.workspace.validationSettings, extraRules: this.runtime.extraRules } : this.workspace.validationSettings;
    const analysis = analyze(document.getText(), this.workspace.bindingFor(document.uri), settings, project, this.workspace.dialectFor(document.uri));
    this.logRuleFailures(document, analysis);
    // Quick fixes are computed for this version: the version travels with them (versionedEdits.ts).
    for (const diagnostic of analysis.diagnostics) {
      if (diagnostic.data && typeof diagnostic.data === 'object') (diagnostic.data as { version?: number }).version = document.version;
    }
    const entry = { version: document.version, generation, stamp, analysis, project };
    this.analyses.set(document.uri, entry);
    return entry;
  }

  /** A rule that threw: its code and (value-free) stack go to the log, once per document version. */
  private logRuleFailures(document: TextDocument, analysis: Analysis): void {
    if (analysis.ruleFailures.length === 0 || this.failuresLogged.get(document.uri) === document.version) return;
    this.failuresLogged.set(document.uri, document.version);
    for (const { code, stack } of analysis.ruleFailures) this.log(`envls: rule ${code} failed on ${document.uri} (version ${document.version}): ${stack}`);
  }

  /** Re-checks every open document, one per turn of the event loop; a newer pass replaces this one. */
  async revalidateAll(): Promise<void> {
    const pass = ++this.pass;
    for (const document of this.documents.all()) {
      if (pass !== this.pass) return;
      // Closed or changed meanwhile: its own events publish it.
      if (this.documents.get(document.uri) === document) guard(this.log, 'validate', undefined, () => this.publish(document))();
      await this.runtime.yieldToEvents();
    }
  }

  private publish(document: TextDocument): void {
    if (this.code?.isCode(document)) return this.code.publish(document);
    const key = `${document.version}:${this.workspace.generation}:${this.workspace.project.stampOf(document.uri)}`;
    if (this.published.get(document.uri) === key) return;
    const analysis = this.analysisOf(document);
    this.published.set(document.uri, key);
    settle(this.log, 'publishing diagnostics', this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: analysis.diagnostics }));
    const { binding } = analysis;
    const notice: BindingNotice = {
      uri: document.uri,
      schemas: binding.schemas.map((s) => ({ id: s.id, title: s.title })),
      source: binding.source,
      certainty: binding.certainty,
      reason: binding.reason,
      sources: schemaSourcesOf(binding, this.projectOf(document)),
    };
    const noticeKey = JSON.stringify(notice);
    if (this.bindings.get(document.uri) !== noticeKey) {
      this.bindings.set(document.uri, noticeKey);
      settle(this.log, 'sending the binding notice', this.connection.sendNotification(BINDING_NOTIFICATION, notice));
    }
  }
}

/**
 * Applies changes one by one, each range first clamped to the text it applies to, as
 * VS Code does: vscode-languageserver-textdocument applies a range past the last line
 * but leaves gaps in its line table, and the server's copy then differs from the client's.
 */
export function updateClamped(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let updated = document;
  for (const change of changes) {
    if (!('range' in change)) {
      updated = TextDocument.update(updated, [change], version);
      continue;
    }
    let start = updated.offsetAt(change.range.start);
    let end = updated.offsetAt(change.range.end);
    if (start > end) [start, end] = [end, start];
    const range = { start: updated.positionAt(start), end: updated.positionAt(end) };
    updated = TextDocument.update(updated, [{ range, text: change.text }], version);
  }
  return TextDocument.update(updated, [], version);
}
