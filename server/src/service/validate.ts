/**
 * Runs the rules over a parsed document and returns LSP diagnostics. Rules report
 * offsets; this module turns them into ranges, applies severities and suppression
 * comments, and puts each finding's fixes into `diagnostic.data` for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { EnvDocument, Span } from './parser/model';
import { schemaSetFor } from './schema/schemaSet';
import { rangeOf } from './positions';
import type { BindingCertainty, Finding, Rule, Severity } from './rules/rule';
import { ALL_RULES, CODES_BY_CODE } from './rules/registry';
import { ruleDocsUrl } from './rules/docs';
import { buildDocumentIndex } from './rules/entryIndex';
import type { ResolvedSchema } from './schema/types';
import { collectSuppressions } from './suppressions';
import type { ProjectContext } from './project/context';
import { computeLineStarts } from './parser/lines';

export const DIAGNOSTIC_SOURCE = 'envls';

export interface ValidationSettings {
  /** Per-code severity (envls.lint.<code>); wins over defaults and over `styleRules`. */
  severities?: Readonly<Record<string, Severity>>;
  /** Turn on dotenv-linter's style checks (off by default in the editor). */
  styleRules?: boolean;
  /** Report every unknown name, not only near-misses of known ones. */
  unknownVariables?: boolean;
  /** Testing only: rules run after the declared ones (a rule that throws, to test rule isolation end to end). */
  extraRules?: readonly Rule[];
}

export interface ValidationInput {
  doc: EnvDocument;
  schemas?: readonly ResolvedSchema[];
  certainty?: BindingCertainty;
  /** Ids of the catalog schemas the app declares (a manifest dependency); see Binding.declared. */
  declared?: readonly string[];
  /** Ids of schemas bound explicitly whatever `certainty` says; see Binding.explicitIds. */
  explicitIds?: readonly string[];
  anchor?: Span;
  unknownSchemaIds?: readonly { id: string; span?: Span }[];
  settings?: ValidationSettings;
  /** The file's project; absent = the file is checked alone. */
  project?: ProjectContext;
}

/** What a diagnostic carries for code actions. */
export interface DiagnosticData {
  /** `target`: the fix edits another file, named by its workspace-relative path (the protocol layer maps it to a URI). */
  fixes: { title: string; edits: (TextEdit & { pieces?: Range[]; snippet?: string })[]; safe?: boolean; preferred?: boolean; target?: { path: string; create?: boolean } }[];
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

/**
 * A rule that threw. The service has no logger: whoever runs the analysis logs these
 * (the server to its log, the CLI to stderr). `stack` never holds a value of the file:
 * the error's message is kept only with the file's values cut out of it.
 */
export interface RuleFailure {
  code: string;
  stack: string;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  ruleFailures: RuleFailure[];
}

/** Longest message a diagnostic gets; a finding may name keys of any length. */
export const MAX_MESSAGE_LENGTH = 500;

/** The diagnostics of a document (rule failures become internalError diagnostics; see validateDocument for the failures). */
export function validate(input: ValidationInput, rules: readonly Rule[] = ALL_RULES): Diagnostic[] {
  return validateDocument(input, rules).diagnostics;
}

/** `rules` is for tests (a rule that throws); everything else runs ALL_RULES. */
export function validateDocument(input: ValidationInput, rules: readonly Rule[] = ALL_RULES): ValidationResult {
  const { doc, settings } = input;
  if (settings?.extraRules?.length) rules = [...rules, ...settings.extraRules];
  const schemas = input.schemas ?? [];
  const certainty = input.certainty ?? (schemas.length > 0 ? 'explicit' : 'none');
  const suppressions = collectSuppressions(doc);
  const schemaSet = schemaSetFor(schemas);
  const index = buildDocumentIndex(doc, schemaSet);
  const diagnostics: Diagnostic[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    if (rule.group === 'schema' && schemas.length === 0 && !rule.alsoWithoutSchema) continue;
    if (rule.group === 'project' && !input.project) continue;
    if (rule.group === 'code' && !input.project?.code) continue;
    if (rule.needsCertainty && certainty !== 'explicit' && certainty !== 'confident' && !input.explicitIds?.length) continue;
    const report = (finding: Finding): void => {
      const range = rangeOf(doc, finding.span);
      if (suppressions.isSuppressed(rule.code, range.start.line)) return;
      diagnostics.push(toDiagnostic(doc, rule.code, milder(severity, finding.severity), range, finding));
    };
    try {
      rule.check({
        doc,
        index,
        schemas,
        schemaSet,
        certainty,
        declared: input.declared ?? [],
        explicitIds: input.explicitIds ?? [],
        anchor: input.anchor,
        unknownSchemaIds: input.unknownSchemaIds ?? [],
        reportAllUnknown: settings?.unknownVariables ?? false,
        project: input.project,
        report,
      });
    } catch (error) {
      // One broken rule must not take the others down. Its findings so far stay: each was complete.
      ruleFailures.push({ code: rule.code, stack: redactedStack(error, doc) });
      // The error's own message may quote the file: it goes to the log, redacted, not here.
      diagnostics.push(codeDiagnostic(
        'internalError',
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        `envls rule ${rule.code} failed (a bug in envls; the other rules still report, details are in the envls log).`,
      ));
    }
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { diagnostics, ruleFailures };
}

/**
 * A diagnostic of a code no rule reports (invalidSchema on a schema file, internalError),
 * with its declared severity and documentation link: the server and the CLI build them here.
 */
export function codeDiagnostic(code: 'internalError' | 'invalidSchema', range: Diagnostic['range'], message: string): Diagnostic {
  const severity = CODES_BY_CODE.get(code)!.defaultSeverity;
  return { range, severity: LSP_SEVERITY[severity], source: DIAGNOSTIC_SOURCE, code, codeDescription: codeDescriptionOf(code), message: boundedMessage(message) };
}

/**
 * A diagnostic of a declared code reported outside validate (unsetVariable, in a code file), with
 * the severity the settings give it (undefined: off) and its documentation link.
 */
export function declaredDiagnostic(code: string, settings: ValidationSettings | undefined, range: Diagnostic['range'], message: string, info?: Record<string, unknown>): Diagnostic | undefined {
  const severity = settings?.severities?.[code] ?? CODES_BY_CODE.get(code)?.defaultSeverity;
  if (severity === undefined || severity === 'off') return undefined;
  const data: DiagnosticData = { fixes: [], ...(info ? { info } : {}) };
  return { range, severity: LSP_SEVERITY[severity], source: DIAGNOSTIC_SOURCE, code, codeDescription: codeDescriptionOf(code), message: boundedMessage(message), data };
}

/** The error's stack with every value of the file (3 characters or more) replaced by •••. */
function redactedStack(error: unknown, doc: EnvDocument): string {
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `thrown: ${typeof error}`;
  const values = new Set<string>();
  for (const entry of doc.entries) if (entry.value.length >= 3) values.add(entry.value);
  // Longest first, so that a value containing another is cut out whole.
  return [...values].sort((a, b) => b.length - a.length).reduce((text, value) => text.split(value).join('•••'), stack);
}

/** One codeDescription object per code, shared by its diagnostics (thousands of them with style rules on). */
const codeDescriptions = new Map<string, { href: string }>();

function codeDescriptionOf(code: string): { href: string } {
  let description = codeDescriptions.get(code);
  if (!description) {
    description = Object.freeze({ href: ruleDocsUrl(code) });
    codeDescriptions.set(code, description);
  }
  return description;
}

function boundedMessage(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

const RANK: Record<Exclude<Severity, 'off'>, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** A finding may be worth less than its rule (never more): the user's setting stays an upper bound too. */
function milder(ruleSeverity: Exclude<Severity, 'off'>, cap: Finding['severity']): Exclude<Severity, 'off'> {
  return cap !== undefined && RANK[cap] < RANK[ruleSeverity] ? cap : ruleSeverity;
}

function toDiagnostic(doc: EnvDocument, code: string, severity: Exclude<Severity, 'off'>, range: Diagnostic['range'], finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    fixes: (finding.fixes ?? []).map((fix) => {
      const lines = fix.target ? { lineStarts: computeLineStarts(fix.target.text) } : doc;
      return {
        title: fix.title,
        edits: fix.edits.map((edit) => ({
          range: rangeOf(lines, edit.span),
          newText: edit.newText,
          ...(edit.pieces && !fix.target ? { pieces: edit.pieces.map((piece) => rangeOf(doc, piece)) } : {}),
          ...(edit.snippet !== undefined && !fix.target ? { snippet: edit.snippet } : {}),
        })),
        safe: fix.target ? undefined : fix.safe,
        preferred: fix.preferred,
        ...(fix.target ? { target: { path: fix.target.path, ...(fix.target.create ? { create: true } : {}) } } : {}),
      };
    }),
    info: finding.info,
  };
  const diagnostic: Diagnostic = {
    range,
    severity: LSP_SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code,
    codeDescription: codeDescriptionOf(code),
    message: boundedMessage(finding.message),
    data,
  };
  if (finding.tags) {
    diagnostic.tags = finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return diagnostic;
}
