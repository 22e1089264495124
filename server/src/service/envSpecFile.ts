/**
 * The `.env.schema` file itself (language `env-spec`): its problems as diagnostics, completion of
 * decorator names after `@` in a comment and of data types (and their options) after `@type=`, and
 * hover on a decorator or a data type with varlock's documentation link. Hover on an item's key is
 * the ordinary hover: the file is bound to the schema it declares (analyze.ts).
 */
import { CompletionItemKind, DiagnosticSeverity, MarkupKind, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { lineOfOffset } from './parser/lines';
import type { EnvDocument } from './parser/model';
import { lineContentEnd, offsetAt, rangeOf } from './positions';
import type { EnvSpecProblem, EnvSpecReading } from './schema/envSpec';
import { DATA_TYPES, DATA_TYPES_BY_NAME, DECORATORS, decoratorInfo, type DataTypeInfo, type DecoratorInfo } from './schema/envSpecVocabulary';
import { codeDiagnostic, type DiagnosticData } from './validate';

const SEVERITY: Record<EnvSpecProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** What envls could not read or use in a `.env.schema`, as `invalidSchema` diagnostics on the file. */
export function envSpecDiagnostics(doc: Pick<EnvDocument, 'lineStarts'>, problems: readonly EnvSpecProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const diagnostic: Diagnostic = { ...codeDiagnostic('invalidSchema', rangeOf(doc, { start: p.start, end: p.end }), p.message), severity: SEVERITY[p.severity] };
    if (p.suggestion) {
      const data: DiagnosticData = { fixes: [{ title: `Change to ${p.suggestion.name}`, edits: [{ range: rangeOf(doc, p.suggestion.span), newText: p.suggestion.name }], preferred: true }] };
      diagnostic.data = data;
    }
    return diagnostic;
  });
}

/** The text of the cursor's line up to the cursor, when the line is a comment. */
function commentBefore(doc: EnvDocument, offset: number): { line: number; before: string } | undefined {
  const line = lineOfOffset(doc.lineStarts, offset);
  const before = doc.text.slice(doc.lineStarts[line], offset);
  return /^\s*#/.test(before) ? { line, before } : undefined;
}

/** The header holds root decorators: the comments before the first item (https://varlock.dev/reference/root-decorators/). */
function inHeader(doc: EnvDocument, line: number): boolean {
  return !doc.entries.some((entry) => entry.line < line);
}

/** Completion inside a comment of a `.env.schema`; undefined elsewhere (the ordinary completion answers). */
export function envSpecCompletions(doc: EnvDocument, position: Position): CompletionList | undefined {
  const offset = offsetAt(doc, position);
  const comment = commentBefore(doc, offset);
  if (!comment) return undefined;
  const { before, line } = comment;
  const option = /@type=([A-Za-z][\w-]*)\(([^()]*?)(\w*)$/.exec(before);
  if (option) {
    const info = DATA_TYPES_BY_NAME.get(option[1]);
    if (!info) return { isIncomplete: false, items: [] };
    const range = rangeOf(doc, { start: offset - option[3].length, end: offset });
    return { isIncomplete: false, items: info.options.map((o, i) => ({
      label: o.name,
      kind: CompletionItemKind.Property,
      detail: `${o.kind}: ${o.summary}`,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: `${o.name}=` },
    })) };
  }
  const type = /@type=([\w-]*)$/.exec(before);
  if (type) {
    const range = rangeOf(doc, { start: offset - type[1].length, end: offset });
    return { isIncomplete: false, items: DATA_TYPES.map((t, i) => typeItem(t, i, range)) };
  }
  const value = /(?:^\s*#\s*|\s)@(\w+)=(\w*)$/.exec(before);
  if (value) {
    const info = decoratorInfo(value[1], inHeader(doc, line) ? 'root' : 'item') ?? decoratorInfo(value[1], 'item') ?? decoratorInfo(value[1], 'root');
    const values = info ? decoratorValues(info) : [];
    const range = rangeOf(doc, { start: offset - value[2].length, end: offset });
    return { isIncomplete: false, items: values.map((v, i) => ({ label: v, kind: CompletionItemKind.Value, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: v } })) };
  }
  const decorator = /(?:^\s*#\s*|\s)@(\w*)$/.exec(before);
  if (!decorator) return undefined;
  const range = rangeOf(doc, { start: offset - decorator[1].length, end: offset });
  // In the header both scopes fit (the block right above the first item is that item's), root first.
  const scopes: DecoratorInfo['scope'][] = inHeader(doc, line) ? ['root', 'item'] : ['item'];
  const items: CompletionItem[] = [];
  for (const scope of scopes) {
    for (const d of DECORATORS.filter((x) => x.scope === scope)) {
      items.push({
        label: `@${d.name}`,
        filterText: d.name,
        kind: CompletionItemKind.Keyword,
        detail: `${d.scope} decorator: ${d.valueType}`,
        documentation: { kind: MarkupKind.Markdown, value: decoratorMarkdown(d) },
        sortText: `${scope === scopes[0] ? 0 : 1}${d.deprecated ? 1 : 0}${String(items.length).padStart(3, '0')}`,
        ...(d.deprecated ? { tags: [1] } : {}),
        textEdit: { range, newText: d.name },
      });
    }
  }
  return { isIncomplete: false, items };
}

/** The values a decorator takes, as varlock's page lists them (none for free text). */
function decoratorValues(d: DecoratorInfo): string[] {
  if (d.name === 'defaultRequired') return ['infer', 'true', 'false'];
  if (d.name === 'defaultSensitive') return ['true', 'false', 'inferFromPrefix(PUBLIC_)'];
  if (d.name === 'defaultDynamic') return ['inferFromSensitive', 'true', 'false'];
  if (d.name === 'cache') return ['auto', 'memory', 'disk', 'disabled'];
  if (d.name === 'proxy' && d.scope === 'item') return ['passthrough', 'omit'];
  return d.valueType.startsWith('boolean') ? ['true', 'false'] : [];
}

function typeItem(t: DataTypeInfo, index: number, range: Range): CompletionItem {
  return {
    label: t.name,
    kind: CompletionItemKind.TypeParameter,
    detail: t.summary,
    documentation: { kind: MarkupKind.Markdown, value: typeMarkdown(t) },
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: t.name },
  };
}

/** Hover on a decorator or on the data type of `@type=`; undefined elsewhere (the ordinary hover answers). */
export function envSpecHover(doc: EnvDocument, reading: EnvSpecReading, position: Position): Hover | undefined {
  const offset = offsetAt(doc, position);
  const site = reading.decorators.find((d) => d.span.start <= offset && offset <= d.span.end);
  if (!site) return undefined;
  const info = decoratorInfo(site.name, site.scope);
  if (!info) return undefined;
  if (site.name === 'type') {
    // On the type's name (`@type=url`, `@type=string(…)`): the data type.
    const written = doc.text.slice(site.span.start, Math.min(site.span.end, lineContentEnd(doc, position.line)));
    const name = /^@type=([\w-]+)/.exec(written)?.[1];
    const nameStart = site.span.start + '@type='.length;
    const type = name ? DATA_TYPES_BY_NAME.get(name) : undefined;
    if (type && offset >= nameStart && offset <= nameStart + name!.length) {
      return { contents: { kind: MarkupKind.Markdown, value: typeMarkdown(type) }, range: rangeOf(doc, { start: nameStart, end: nameStart + name!.length }) };
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: decoratorMarkdown(info) }, range: rangeOf(doc, { start: site.span.start, end: site.span.start + 1 + site.name.length }) };
}

function decoratorMarkdown(d: DecoratorInfo): string {
  return [
    `**@${d.name}** — ${d.scope} decorator (varlock @env-spec)${d.deprecated ? ` — *deprecated*` : ''}`,
    '',
    d.summary,
    '',
    `Value: \`${d.valueType}\``,
    ...(d.deprecated ? ['', d.deprecated] : []),
    '',
    `**envls:** ${d.envls}`,
    '',
    `[varlock documentation](${d.url})`,
  ].join('\n');
}

function typeMarkdown(t: DataTypeInfo): string {
  return [
    `**${t.name}** — data type (varlock @env-spec)`,
    '',
    t.summary,
    ...(t.options.length ? ['', `Options: ${t.options.map((o) => `\`${o.name}\``).join(', ')}`] : []),
    '',
    `**envls:** ${t.envls}`,
    '',
    `[varlock documentation](${t.url})`,
  ].join('\n');
}
