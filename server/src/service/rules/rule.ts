/**
 * What a validation rule is. Each diagnostic code is declared once, with the rule
 * that reports it (code, group, default severity, description, fix-all, docs); the
 * registry lists them, and package.json's envls.lint, the README's code table and
 * docs/rules/<code>.md are generated from those declarations (scripts/gen-rules.mjs).
 * A rule reports findings in offsets, and carries in each finding the edits of its
 * quick fixes, so that code actions never validate again.
 */
import type { Entry, EnvDocument, Span } from '../parser/model';
import type { SchemaSet, VariableMatch } from '../schema/schemaSet';
import type { ResolvedSchema } from '../schema/types';
import type { LinterCheck } from './style/linterLines';
import type { ProjectContext } from '../project/context';

/** Every severity a setting may name, mildest first. */
export const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * - core: the file's own meaning (syntax, duplicates, references); always on.
 * - schema: needs a bound schema.
 * - style: dotenv-linter's checks; quiet in the editor unless turned on.
 * - project: needs the file's project (its layers, its example, git); silent on a file alone.
 * - code: needs what the app's code reads (the code index); silent without it.
 */
export type RuleGroup = 'core' | 'schema' | 'style' | 'project' | 'code';

/** How a file got its schemas. Diagnostics that need certainty skip `weak`. */
export type BindingCertainty = 'explicit' | 'confident' | 'weak' | 'none';

export interface FixEdit {
  span: Span;
  newText: string;
  /**
   * For an edit that only reorders lines (unorderedKey's sort): the spans of the
   * original text its newText is made of, in their new order, joined by the line
   * break. Fix-all composes the line fixes inside them into the move, so that one
   * application of fix-all is complete (see fixAll.ts).
   */
  pieces?: Span[];
  /**
   * The same newText as an LSP snippet whose tab stops sit on what the user fills in next (an added
   * variable's value): an editor that applies snippet edits puts the cursor there.
   */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: FixEdit[];
  /** Safe to apply without a person looking: used by source.fixAll.envls and `envls check --fix`. */
  safe?: boolean;
  /** The one VS Code should offer first. */
  preferred?: boolean;
  /**
   * The fix edits another file than the one analysed (the example, a .gitignore): its
   * workspace-relative path and the text the spans are offsets into; `create` when it does not exist yet.
   * Never safe: fix-all only changes the file it fixes.
   */
  target?: { path: string; text: string; create?: boolean };
}

export interface Finding {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** Shown as "unnecessary"/"deprecated" in editors. */
  tags?: ('unnecessary' | 'deprecated')[];
  /** Free data for tests and clients (never secret values). */
  info?: Record<string, unknown>;
  /**
   * The most this finding is worth (e.g. `information` for equal alias values, `warning`
   * for envls's own advice): the diagnostic gets the milder of this and the rule's severity.
   */
  severity?: Exclude<Severity, 'off' | 'error'>;
}

/**
 * What the rules need to know about the document's keys, built once per analysis
 * and shared by every rule (no rule builds its own key map or looks keys up again).
 */
export interface DocumentIndex {
  /** Entries by key; the last one wins, as in dotenv. */
  byKey: ReadonlyMap<string, Entry>;
  /** The schema variable of each entry's key (canonical or alias), aligned with doc.entries. */
  matches: readonly (VariableMatch | undefined)[];
  /** Every name some value refers to (`${NAME}`, `$NAME`). */
  referenced(): ReadonlySet<string>;
}

export interface RuleContext {
  doc: EnvDocument;
  index: DocumentIndex;
  /** Schemas bound to the file (empty when none). */
  schemas: readonly ResolvedSchema[];
  /** The same schemas, indexed by name and alias. */
  schemaSet: SchemaSet;
  certainty: BindingCertainty;
  /** Ids of the catalog schemas the app declares (a manifest dependency names the service). */
  declared: readonly string[];
  /** Ids of schemas bound explicitly whatever `certainty` says (the project's `.env.schema`). */
  explicitIds: readonly string[];
  /** Where file-level findings go: the `# envls-schema` comment, else undefined (first line). */
  anchor?: Span;
  /** Schema ids the file or settings name that no schema has. */
  unknownSchemaIds: readonly { id: string; span?: Span }[];
  /** Report unknown names that are not near-misses too (envls.unknownVariables). */
  reportAllUnknown: boolean;
  /** The file's project (layers, example, git); undefined when the file is analysed alone. */
  project?: ProjectContext;
  report(finding: Finding): void;
}

/** What the documentation page of a code says besides the description. */
export interface CodeDocs {
  /** A small .env snippet that gets this diagnostic (or a code snippet, for a code file's code). */
  example: string;
  /** The example's language for its Markdown fence, when it is not a .env snippet. */
  exampleLanguage?: string;
  /** How to fix it, in a sentence or two (Markdown). */
  fix: string;
  /** More on what it means, when the description is not enough (Markdown). */
  details?: string;
  /**
   * For a project rule: the example is the file at `path` among these other files (the comment
   * atop the example says so in words), with these git facts; the declarations test builds it.
   */
  project?: {
    path: string;
    files: Readonly<Record<string, string>>;
    git?: { ignored: boolean; tracked: boolean };
    /** For a code rule: the app's code files (path → text), read by the code index. */
    code?: Readonly<Record<string, string>>;
  };
}

/**
 * A diagnostic code, declared once. Rules are codes with a check; `internalError`
 * and `invalidSchema` are codes without one (see rules/otherCodes.ts).
 */
export interface CodeDeclaration {
  code: string;
  group: RuleGroup | 'internal';
  defaultSeverity: Exclude<Severity, 'off'>;
  /** One line for docs, settings and `envls rules`. */
  description: string;
  /**
   * Whether fix-all (`source.fixAll.envls`, `envls check --fix`) may apply this
   * code's fixes; it applies only those of them that are also marked `safe`.
   */
  fixAll: boolean;
  /** dotenv-linter's name of the check, for style rules (as its `# dotenv-linter:off` comments spell it). */
  linterCheck?: LinterCheck;
  /** False for codes no setting can change (they are not rules). */
  configurable?: boolean;
  docs: CodeDocs;
}

export interface Rule extends CodeDeclaration {
  group: RuleGroup;
  /** Runs only with an explicit binding or a confident detection. */
  needsCertainty?: boolean;
  /** A schema rule that also runs without a schema (insecureValue: secrets judged by name and value). */
  alsoWithoutSchema?: boolean;
  check(ctx: RuleContext): void;
}
