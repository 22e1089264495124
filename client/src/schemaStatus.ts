/**
 * The language status items: which schema applies to the active file (with "Select schema…"), a link
 * to that schema's documentation, and whether values are cloaked. In Restricted Mode the workspace's
 * envls.schemas and envls.schemaFiles are not read, which the item says, with "Manage workspace trust".
 */
import {
  languages,
  LanguageStatusSeverity,
  window,
  workspace,
  type DocumentSelector,
  type Disposable,
  type LanguageStatusItem,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Cloaking } from './cloak';
import { statusDetail, statusText, statusTooltip } from './schemaChoice';
import type { BindingNotice } from '../../server/src/protocol/bindingNotice';

/** The `envls/schemas` answer's items, typed once by the server. */
import type { SchemaInfo } from '../../server/src/service/schemaCatalog';
export type { SchemaInfo };

export class SchemaStatus implements Disposable {
  readonly bindings = new Map<string, BindingNotice>();
  private catalog: SchemaInfo[] = [];
  private readonly schemaItem: LanguageStatusItem;
  private readonly cloakItem: LanguageStatusItem;
  private docsItem: LanguageStatusItem | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly selector: DocumentSelector,
    private readonly cloaking: Cloaking,
  ) {
    this.schemaItem = languages.createLanguageStatusItem('envls.schema', selector);
    this.schemaItem.name = 'envls schema';
    this.cloakItem = languages.createLanguageStatusItem('envls.cloak', selector);
    this.cloakItem.name = 'envls value cloaking';
    this.refresh();
  }

  /** The known schemas, asked of the server again (schema files may have changed). */
  async schemas(): Promise<SchemaInfo[]> {
    this.catalog = await this.client.sendRequest<SchemaInfo[]>('envls/schemas', null);
    return this.catalog;
  }

  /** The documentation page of the first bound schema that has one. */
  documentationOf(uri: string | undefined): SchemaInfo | undefined {
    const notice = uri ? this.bindings.get(uri) : undefined;
    return notice?.schemas.map((s) => this.catalog.find((c) => c.id === s.id)).find((c) => c?.documentation);
  }

  onBinding(notice: BindingNotice): void {
    this.bindings.set(notice.uri, notice);
    // An id the catalog does not know yet (a schema file just added): ask again, then show.
    if (notice.schemas.some((s) => !this.catalog.some((c) => c.id === s.id))) {
      void this.schemas().then(() => this.refresh(), () => this.refresh());
    }
    this.refresh();
  }

  refresh(): void {
    const document = window.activeTextEditor?.document;
    const notice = document ? this.bindings.get(document.uri.toString()) : undefined;
    const item = this.schemaItem;
    const schemas = notice?.schemas ?? [];
    // Older servers send no sources: the reason alone then.
    const sources = notice?.sources ?? [];
    item.text = statusText(schemas, sources);
    item.severity = LanguageStatusSeverity.Information;
    const reason = notice
      ? statusTooltip(sources, `${schemas.map((s) => `${s.title} (${s.id})`).join(', ') || 'No schema'}: ${notice.reason}`)
      : 'No schema applies yet';
    if (!workspace.isTrusted && notice?.source !== 'comment') {
      // Restricted Mode: the workspace's envls.schemas / envls.schemaFiles wait for trust.
      item.detail = 'workspace binding waits for trust';
      item.severity = LanguageStatusSeverity.Warning;
      item.command = { title: 'Manage workspace trust', command: 'workbench.trust.manage', tooltip: `${reason}. In Restricted Mode envls does not read envls.schemas or envls.schemaFiles from the workspace.` };
    } else {
      item.detail = notice ? statusDetail(notice.source, notice.certainty, sources) : '';
      item.command = { title: 'Select schema…', command: 'envls.selectSchema', tooltip: reason };
    }
    item.accessibilityInformation = { label: `${item.text}, ${item.detail}. ${reason}` };

    const docs = this.documentationOf(document?.uri.toString());
    if (docs?.documentation) {
      this.docsItem ??= languages.createLanguageStatusItem('envls.schemaDocs', this.selector);
      this.docsItem.name = 'envls schema documentation';
      this.docsItem.text = `$(book) ${hostOf(docs.documentation)}`;
      this.docsItem.detail = 'schema documentation';
      this.docsItem.command = { title: 'Open schema documentation', command: 'envls.openSchemaDocs', tooltip: docs.documentation };
    } else {
      this.docsItem?.dispose();
      this.docsItem = undefined;
    }

    const hiding = this.cloaking.isHiding(document);
    const mode = this.cloaking.modeFor(document);
    this.cloakItem.text = hiding ? `$(eye-closed) ${mode === 'all' ? 'Values' : 'Secrets'} hidden` : '$(eye) Values shown';
    this.cloakItem.detail = `envls.cloak: ${mode}`;
    this.cloakItem.command = { title: hiding ? 'Show values' : 'Hide values', command: 'envls.toggleCloaking', tooltip: 'Toggle value cloaking for this session' };
  }

  dispose(): void {
    this.schemaItem.dispose();
    this.cloakItem.dispose();
    this.docsItem?.dispose();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
