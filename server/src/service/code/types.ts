/**
 * The bridge between code and env files (issue 12): what the code of an app reads from the
 * environment. These types are the contract between the code index (extraction with real
 * parsers, kept per file) and the features that use it (completion, hover, definition,
 * references, rename, unsetVariable, unusedVariable, `envls check --code`, `envls usage`).
 *
 * Positions are LSP positions (zero-based line, UTF-16 character) in the code file.
 */
import type { Range } from 'vscode-languageserver-types';

/** The languages the index reads; the ids are VS Code's language ids (compose: 'dockercompose'). */
export type CodeLanguage =
  | 'javascript'
  | 'javascriptreact'
  | 'typescript'
  | 'typescriptreact'
  | 'python'
  | 'go'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'shellscript'
  | 'dockerfile'
  | 'dockercompose';

/** One place where code reads (or, for compose `environment:` keys and Dockerfile ENV/ARG, sets) a variable. */
export interface EnvRead {
  /** The variable's name, as the program asks for it. */
  name: string;
  /** The name's own characters (inside the quotes for `os.getenv("X")`, after the dot for `process.env.X`). */
  range: Range;
  /**
   * True when the code supplies its own value if the variable is unset: `os.getenv('X', 'd')`,
   * `process.env.X ?? 'd'` / `|| 'd'`, `ENV.fetch('X', 'd')`, `${X:-d}`, `env('X', 'd')`,
   * `os.LookupEnv` (the caller handles absence), `env::var("X").unwrap_or(..)`.
   */
  hasFallback: boolean;
  /** 'read' for a read; 'set' where the file gives the variable a value (compose `environment:` key, Dockerfile ENV/ARG). */
  kind: 'read' | 'set';
}

/** The reads of one code file. */
export interface CodeFileReads {
  /** Workspace-relative path, '/'-separated (as the project model's paths). */
  path: string;
  language: CodeLanguage;
  reads: readonly EnvRead[];
}

/**
 * Where completion of a variable name may happen in a code file: the cursor is inside (or right
 * after the start of) a read expression. `prefix` is what is typed of the name so far; `replace`
 * is the range a chosen name replaces (the partial name, not the quotes).
 */
export interface ReadSite {
  prefix: string;
  replace: Range;
  /** The quote the name sits in (`'`, `"`, `` ` ``), or undefined for a bare name (`process.env.X`, `$X`). */
  quote?: string;
}
