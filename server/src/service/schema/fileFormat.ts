/**
 * The on-disk schema format (schemas/*.json), as described by
 * schemas/envls-schema.schema.json. Only compose.ts reads these shapes; features
 * read the resolved model in ./types.
 */
import type { BooleanFlavor, Condition, LookAlike, ValueConstraints, VariableType } from './types';

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

export interface DeprecationFile {
  replacement?: string;
  renameSafe: boolean;
  inverted?: boolean;
  message: string;
}

export interface VariableFile {
  description?: string;
  section?: string;
  source?: string;
  type?: VariableType;
  schemes?: string[];
  boolean?: BooleanFlavor;
  values?: string[];
  caseInsensitive?: boolean;
  separator?: string;
  minimum?: number;
  maximum?: number;
  constraints?: ValueConstraints;
  default?: string;
  defaultFrom?: string;
  examples?: string[];
  required?: boolean | RequiredFile;
  onlyUsedWhen?: Condition[];
  aliases?: string[];
  precedence?: 'canonical' | 'alias';
  deprecated?: string | DeprecationFile;
  sensitive?: boolean;
  insecureValues?: string[];
  insecureMessage?: string;
  placeholders?: string[];
  mustDifferFrom?: string[];
  managedBy?: string;
  notes?: string;
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
  detect?: { uniqueVariables?: string[]; minimumMatches?: number; markers?: string[] };
}
