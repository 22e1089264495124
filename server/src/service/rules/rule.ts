/**
 * What a validation rule is. Each rule is declared once (code, default severity,
 * group) in rules/registry.ts; a rule reports findings in offsets, and carries in
 * each finding the edits of its quick fixes, so that code actions never validate again.
 */
import type { EnvDocument, Span } from '../parser/model';
import type { SchemaSet } from '../schema/schemaSet';
import type { ResolvedSchema } from '../schema/types';

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/**
 * - core: the file's own meaning (syntax, duplicates, references); always on.
 * - schema: needs a bound schema.
 * - style: dotenv-linter's checks; quiet in the editor unless turned on.
 */
export type RuleGroup = 'core' | 'schema' | 'style';

/** How a file got its schemas. Diagnostics that need certainty skip `weak`. */
export type BindingCertainty = 'explicit' | 'confident' | 'weak' | 'none';

export interface FixEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: FixEdit[];
  /** Safe to apply without a person looking: used by source.fixAll.envls and `envls check --fix`. */
  safe?: boolean;
  /** The one VS Code should offer first. */
  preferred?: boolean;
}

export interface Finding {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** Shown as "unnecessary"/"deprecated" in editors. */
  tags?: ('unnecessary' | 'deprecated')[];
  /** Free data for tests and clients (never secret values). */
  info?: Record<string, unknown>;
}

export interface RuleContext {
  doc: EnvDocument;
  /** Schemas bound to the file (empty when none). */
  schemas: readonly ResolvedSchema[];
  /** The same schemas, indexed by name and alias. */
  schemaSet: SchemaSet;
  certainty: BindingCertainty;
  /** Where file-level findings go: the `# envls-schema` comment, else undefined (first line). */
  anchor?: Span;
  /** Schema ids the file or settings name that no schema has. */
  unknownSchemaIds: readonly { id: string; span?: Span }[];
  /** Report unknown names that are not near-misses too (envls.unknownVariables). */
  reportAllUnknown: boolean;
  report(finding: Finding): void;
}

export interface Rule {
  code: string;
  group: RuleGroup;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** One line for docs and `envls rules`. */
  description: string;
  /** Runs only with an explicit binding or a confident detection. */
  needsCertainty?: boolean;
  check(ctx: RuleContext): void;
}
