/**
 * Secret cloaking: the values the server names (`envls/cloakRanges`) are drawn as a mask by a
 * decoration, never changed in the document. A value shows while a cursor is on its line, or for the
 * whole session after "envls: Toggle Value Cloaking". Setting `envls.cloak`: sensitive | all | off.
 */
import {
  DecorationRangeBehavior,
  Range,
  ThemeColor,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type TextEditor,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { hiddenRanges, type PlainRange } from './cloakReveal';

export type CloakMode = 'sensitive' | 'all' | 'off';

interface CloakRangesResult {
  version: number;
  ranges: PlainRange[];
}

/** The mask drawn in place of a value; its length says nothing about the value's. */
export const MASK = '••••••••';

export class Cloaking implements Disposable {
  // `display: none` after `none;` is the CSS other cloaking extensions inject through textDecoration:
  // the value's characters take no room and draw nothing, and the `before` text stands in their place.
  private readonly decoration = window.createTextEditorDecorationType({
    textDecoration: 'none; display: none;',
    before: { contentText: MASK, color: new ThemeColor('editorCodeLens.foreground') },
    rangeBehavior: DecorationRangeBehavior.ClosedClosed,
  });
  private readonly ranges = new Map<string, PlainRange[]>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Flipped by the toggle command, for this session. */
  private toggled = false;
  private readonly listeners: Disposable[] = [];
  private readonly stateListeners: (() => void)[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly isEnvDocument: (document: TextDocument) => boolean,
    private readonly log: (message: string) => void,
  ) {
    this.listeners.push(
      window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      window.onDidChangeTextEditorSelection((event) => this.draw(event.textEditor)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isEnvDocument(event.document)) this.schedule(event.document);
      }),
      workspace.onDidCloseTextDocument((document) => this.ranges.delete(document.uri.toString())),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('envls.cloak')) this.refreshVisible();
      }),
    );
  }

  /** The setting, read per document (it may differ per folder); an unknown value reads as `sensitive`. */
  modeFor(document?: TextDocument): CloakMode {
    const value = workspace.getConfiguration('envls', document).get<string>('cloak');
    return value === 'all' || value === 'off' ? value : 'sensitive';
  }

  /** Whether values are hidden now in this document (setting and toggle together). */
  isHiding(document?: TextDocument): boolean {
    return this.modeFor(document) === 'off' ? this.toggled : !this.toggled;
  }

  onDidChangeState(listener: () => void): void {
    this.stateListeners.push(listener);
  }

  toggle(): void {
    this.toggled = !this.toggled;
    this.refreshVisible();
    for (const listener of this.stateListeners) listener();
  }

  /** Asks the server again for every visible env document (after a change of settings or schemas). */
  refreshVisible(): void {
    const seen = new Set<string>();
    for (const editor of window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (!this.isEnvDocument(editor.document) || seen.has(key)) continue;
      seen.add(key);
      void this.refresh(editor.document);
    }
  }

  /** Refreshes a document unless it is not shown (closed or in a background tab). */
  refreshUri(uri: string): void {
    const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (editor && this.isEnvDocument(editor.document)) void this.refresh(editor.document);
  }

  private schedule(document: TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    // Typing: one request after a short pause, not one per keystroke. Meanwhile VS Code moves the
    // drawn ranges along with the edits.
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.refresh(document);
    }, 150));
  }

  private async refresh(document: TextDocument): Promise<void> {
    const key = document.uri.toString();
    // `off` with the toggle on hides what `sensitive` would.
    const mode: CloakMode = this.modeFor(document) === 'off' ? 'sensitive' : this.modeFor(document);
    if (!this.isHiding(document)) {
      this.ranges.delete(key);
      this.drawAll(key);
      return;
    }
    try {
      const result = await this.client.sendRequest<CloakRangesResult | null>('envls/cloakRanges', { textDocument: { uri: key }, mode });
      // An answer for an older text is dropped: the edit that made it old schedules another request.
      if (!result || result.version !== document.version) return;
      this.ranges.set(key, result.ranges);
      this.drawAll(key);
    } catch (error) {
      this.log(`envls: cloaking ${key} failed: ${(error as Error).message}`);
    }
  }

  private drawAll(uri: string): void {
    for (const editor of window.visibleTextEditors) if (editor.document.uri.toString() === uri) this.draw(editor);
  }

  private draw(editor: TextEditor): void {
    if (!this.isEnvDocument(editor.document)) return;
    const ranges = this.isHiding(editor.document) ? this.ranges.get(editor.document.uri.toString()) ?? [] : [];
    const lines = editor.selections.map((s) => ({ start: s.start.line, end: s.end.line }));
    editor.setDecorations(
      this.decoration,
      hiddenRanges(ranges, lines).map((r) => new Range(r.start.line, r.start.character, r.end.line, r.end.character)),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const listener of this.listeners) listener.dispose();
    this.decoration.dispose();
  }
}
