/**
 * `envls sync`: the variables of the example that the target lacks, added as missingExampleVariable's
 * "Add all missing" fix adds them (the same functions: the example's comments, its non-sensitive
 * values, its order and grouping; a variable marked optional, or set by a file loaded with the
 * target, is left out). Only appends: no existing line, and so no value, is ever changed.
 */
import type { EnvDocument } from '../parser/model';
import { applyEdits } from '../applyEdits';
import { entriesByKey } from '../rules/entryIndex';
import { addAllMissingEdit, missingFromExample } from '../rules/project/exampleEdits';
import type { SchemaSet } from '../schema/schemaSet';
import type { ExampleFacts } from './context';

export interface SyncPlan {
  /** The keys added, in the example's order. */
  added: string[];
  /** The target's text after the additions (the same text when nothing is missing). */
  text: string;
  /** The appended text (empty when nothing is missing). */
  appended: string;
  /** 0-based line of the target where the appended lines start. */
  startLine: number;
}

/** `others`: keys set by the files loaded together with the target (they need no copy in it). */
export function planSync(target: EnvDocument, example: ExampleFacts, schemaSet: SchemaSet, others: ReadonlySet<string> = new Set()): SyncPlan {
  const own = entriesByKey(target);
  const missing = missingFromExample(example, (key) => own.has(key), others);
  if (missing.length === 0) return { added: [], text: target.text, appended: '', startLine: 0 };
  const edit = addAllMissingEdit(target.text, example.doc, missing, schemaSet);
  const text = applyEdits(target.text, [edit]).text;
  const before = target.text.slice(0, edit.span.start) + (edit.newText.match(/^\r?\n/)?.[0] ?? '');
  return { added: missing.map((e) => e.key), text, appended: edit.newText, startLine: before.split('\n').length - 1 };
}
