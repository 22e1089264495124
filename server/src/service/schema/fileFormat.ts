/**
 * The on-disk schema format (schemas/*.json), as described by
 * schemas/envls-schema.schema.json. Only compose.ts reads these shapes; features
 * read the resolved model in ./types.
 */
import type { Condition, Deprecation, DetectionHints, LookAlike, VariableSpec } from './types';

export type IncludeRef =
  | string
  | {
      ref: string;
      only?: string[];
      exclude?: string[];
      /** Included canonical name -> the alias that becomes canonical here. */
      canonical?: Record<string, string>;
      section?: string;
    };

export interface RequiredFile {
  when?: Condition[];
  reason?: string;
  alternatives?: string[][];
}

/** A deprecation as written: the model's, with `renameSafe` optional (default false). */
export type DeprecationFile = Omit<Deprecation, 'renameSafe'> & { renameSafe?: boolean };

/**
 * A variable as written: the model's fields (one source of truth), keyed by name
 * in `variables`, with shorthands for `required` (`true`) and `deprecated` (a message).
 */
export interface VariableFile extends Partial<Omit<VariableSpec, 'name' | 'required' | 'deprecated'>> {
  required?: boolean | RequiredFile;
  deprecated?: string | DeprecationFile;
}

export interface SchemaFile {
  id: string;
  title: string;
  product: string;
  description?: string;
  source?: string;
  fragment?: boolean;
  section?: string;
  include?: IncludeRef[];
  variables?: Record<string, VariableFile>;
  lookAlikes?: LookAlike[];
  detect?: DetectionHints;
}
