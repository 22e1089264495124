/**
 * Runs the rules over a parsed document and returns LSP diagnostics. Rules report
 * offsets; this module turns them into ranges, applies severities and suppression
 * comments, and puts each finding's fixes into `diagnostic.data` for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { EnvDocument, Span } from './parser/model';
import { schemaSetFor } from './schema/schemaSet';
import { rangeOf } from './positions';
import type { BindingCertainty, Finding, Rule, Severity } from './rules/rule';
import { ALL_RULES } from './rules/registry';
import type { ResolvedSchema } from './schema/types';
import { collectSuppressions } from './suppressions';

export const DIAGNOSTIC_SOURCE = 'envls';

export interface ValidationSettings {
  /** Per-code severity (envls.lint.<code>); wins over defaults and over `styleRules`. */
  severities?: Readonly<Record<string, Severity>>;
  /** Turn on dotenv-linter's style checks (off by default in the editor). */
  styleRules?: boolean;
  /** Report every unknown name, not only near-misses of known ones. */
  unknownVariables?: boolean;
}

export interface ValidationInput {
  doc: EnvDocument;
  schemas?: readonly ResolvedSchema[];
  certainty?: BindingCertainty;
  anchor?: Span;
  unknownSchemaIds?: readonly { id: string; span?: Span }[];
  settings?: ValidationSettings;
}

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  fixes: { title: string; edits: TextEdit[]; safe?: boolean; preferred?: boolean }[];
  info?: Record<string, unknown>;
}

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function effectiveSeverity(rule: Rule, settings: ValidationSettings | undefined): Severity {
  const configured = settings?.severities?.[rule.code];
  if (configured) return configured;
  if (rule.group === 'style' && !settings?.styleRules) return 'off';
  return rule.defaultSeverity;
}

export function validate(input: ValidationInput): Diagnostic[] {
  const { doc, settings } = input;
  const schemas = input.schemas ?? [];
  const certainty = input.certainty ?? (schemas.length > 0 ? 'explicit' : 'none');
  const suppressions = collectSuppressions(doc);
  const schemaSet = schemaSetFor(schemas);
  const diagnostics: Diagnostic[] = [];
  for (const rule of ALL_RULES) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    if (rule.group === 'schema' && schemas.length === 0) continue;
    if (rule.needsCertainty && certainty !== 'explicit' && certainty !== 'confident') continue;
    const report = (finding: Finding): void => {
      const range = rangeOf(doc, finding.span);
      if (suppressions.isSuppressed(rule.code, range.start.line)) return;
      diagnostics.push(toDiagnostic(doc, rule.code, severity, range, finding));
    };
    try {
      rule.check({
        doc,
        schemas,
        schemaSet,
        certainty,
        anchor: input.anchor,
        unknownSchemaIds: input.unknownSchemaIds ?? [],
        reportAllUnknown: settings?.unknownVariables ?? false,
        report,
      });
    } catch (error) {
      // One broken rule must not take the others down; the protocol layer logs what it throws here.
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: 'internalError',
        message: `envls rule ${rule.code} failed: ${(error as Error).message}`,
      });
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

function toDiagnostic(doc: EnvDocument, code: string, severity: Exclude<Severity, 'off'>, range: Diagnostic['range'], finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    fixes: (finding.fixes ?? []).map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: rangeOf(doc, edit.span), newText: edit.newText })),
      safe: fix.safe,
      preferred: fix.preferred,
    })),
    info: finding.info,
  };
  const diagnostic: Diagnostic = { range, severity: LSP_SEVERITY[severity], source: DIAGNOSTIC_SOURCE, code, message: finding.message, data };
  if (finding.tags) {
    diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return diagnostic;
}
