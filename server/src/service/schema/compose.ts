/**
 * Turns schema files (parsed JSON, builtin or the user's) into ResolvedSchemas:
 * checks each file's format, resolves `include` by reference (cycle-safe),
 * merges redeclared variables field by field, and indexes names and aliases.
 * A broken file yields problems and is left out; every other schema keeps working,
 * except those that include the broken one.
 */
import { checkFormat } from './formatValidator';
import type { DeprecationFile, IncludeRef, SchemaFile, VariableFile } from './fileFormat';
import type { Deprecation, LookAlike, Requirement, ResolvedSchema, VariableSpec } from './types';

export interface SchemaSource {
  /** A path, or `builtin:<id>` for shipped schemas. */
  origin: string;
  json: unknown;
  /** A catalog schema (schemas/catalog/): marks the resolved schema `catalog`. */
  catalog?: boolean;
}

export interface ComposeProblem {
  origin: string;
  message: string;
}

/** A variable on its way to a VariableSpec: file fields, merged in include order. */
type Partial = VariableFile & { name: string };

interface Resolved {
  variables: Map<string, Partial>;
  lookAlikes: LookAlike[];
}

interface Entry {
  file: SchemaFile;
  origin: string;
  catalog?: boolean;
}

export function composeSchemas(files: readonly SchemaSource[]): { schemas: Map<string, ResolvedSchema>; problems: ComposeProblem[] } {
  const problems: ComposeProblem[] = [];
  const entries = new Map<string, Entry>();
  /** Ids of files left out, so that their includers hear why. */
  const broken = new Map<string, string>();
  for (const { origin, json, catalog } of files) {
    const formatProblems = checkFormat(json);
    if (formatProblems.length > 0) {
      for (const p of formatProblems) problems.push({ origin, message: p.message });
      const id = (json as { id?: unknown } | null)?.id;
      if (typeof id === 'string') broken.set(id, origin);
      continue;
    }
    const file = json as SchemaFile;
    const prior = entries.get(file.id);
    if (prior) {
      problems.push({ origin, message: `Schema id "${file.id}" is already defined by ${prior.origin}; this file is not used.` });
      continue;
    }
    entries.set(file.id, { file, origin, catalog });
  }

  const done = new Map<string, Resolved | Failure>();
  const resolve = (id: string): Resolved | Failure => resolveIteratively(id, entries, broken, done);

  const schemas = new Map<string, ResolvedSchema>();
  for (const [id, entry] of entries) {
    const resolved = resolve(id);
    if (resolved instanceof Failure) {
      problems.push({ origin: entry.origin, message: `Schema "${id}" ${resolved.message}` });
      continue;
    }
    let schema: ResolvedSchema;
    try {
      schema = finish(entry, resolved);
    } catch (error) {
      problems.push({ origin: entry.origin, message: `Schema "${id}": ${(error as Error).message}` });
      continue;
    }
    // Fragments are building blocks other schemas include; a person may still bind one by its id
    // (`--schema authjs`, `# envls-schema: authjs`), detection never does (they have no detect hints).
    schemas.set(id, entry.file.fragment ? { ...schema, fragment: true } : entry.catalog ? { ...schema, catalog: true } : schema);
  }
  return { schemas, problems };
}

/** Why a file could not be resolved; `root` is the first failure down its include chain. */
class Failure extends Error {
  constructor(
    message: string,
    readonly root: string = message,
  ) {
    super(message);
  }
}

/** A cycle longer than this is shown with its middle left out: every member reports it. */
const CYCLE_SHOWN = 8;

/**
 * Resolves `id` and, first, what it includes, depth first, with an explicit
 * stack rather than recursion: an include chain of thousands of files must not
 * overflow the call stack. Each file's resolveFile is a generator that yields the
 * id of each include and receives it resolved, or has the failure thrown into it,
 * so a file stops at its first failing include exactly as a recursive call would.
 * A failure deep in a chain is reported by every includer with its first cause
 * only (nesting the messages made them grow with the chain).
 */
function resolveIteratively(rootId: string, entries: Map<string, Entry>, broken: Map<string, string>, done: Map<string, Resolved | Failure>): Resolved | Failure {
  const known = done.get(rootId);
  if (known) return known;
  interface Frame {
    id: string;
    steps: Generator<string, Resolved, Resolved>;
  }
  const stack: Frame[] = [];
  const onStack = new Map<string, number>();
  const open = (id: string) => {
    onStack.set(id, stack.length);
    stack.push({ id, steps: resolveFile(entries.get(id)!) });
  };
  open(rootId);
  /** What the top frame receives next: nothing yet, an included file, or a failure to throw into it. */
  let input: { resolved?: Resolved; failure?: Failure } = {};
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    let step: IteratorResult<string, Resolved> | undefined;
    let result: Resolved | Failure | undefined;
    try {
      step = input.failure ? frame.steps.throw(input.failure) : frame.steps.next(input.resolved as Resolved);
      if (step.done) result = step.value;
    } catch (error) {
      result = error instanceof Failure ? error : new Failure((error as Error).message);
    }
    input = {};
    if (result !== undefined) {
      stack.pop();
      onStack.delete(frame.id);
      done.set(frame.id, result);
      // The includer, if any, resumes with the result.
      if (result instanceof Failure) input = { failure: new Failure(`includes "${frame.id}", which could not be loaded (${result.root})`, result.root) };
      else input = { resolved: result };
      continue;
    }
    const ref = step!.value as string;
    if (!entries.has(ref)) {
      const at = broken.get(ref);
      input = { failure: new Failure(at ? `includes "${ref}", which could not be loaded (${at} has problems).` : `includes "${ref}", which no schema file defines.`) };
      continue;
    }
    const cycleStart = onStack.get(ref);
    if (cycleStart !== undefined) {
      input = { failure: new Failure(`include cycle: ${showCycle([...stack.slice(cycleStart).map((f) => f.id), ref])}.`) };
      continue;
    }
    const prior = done.get(ref);
    if (prior instanceof Failure) input = { failure: new Failure(`includes "${ref}", which could not be loaded (${prior.root})`, prior.root) };
    else if (prior) input = { resolved: prior };
    else open(ref);
  }
  return done.get(rootId)!;
}

function showCycle(ids: string[]): string {
  if (ids.length <= CYCLE_SHOWN) return ids.join(' -> ');
  const head = ids.slice(0, CYCLE_SHOWN / 2);
  const tail = ids.slice(-CYCLE_SHOWN / 2);
  return `${head.join(' -> ')} -> … (${ids.length - CYCLE_SHOWN} more) -> ${tail.join(' -> ')}`;
}

function* resolveFile(entry: Entry): Generator<string, Resolved, Resolved> {
  const { file } = entry;
  const variables = new Map<string, Partial>();
  const lookAlikes: LookAlike[] = [];
  for (const ref of file.include ?? []) {
    const options = typeof ref === 'string' ? { ref } : ref;
    const included = yield options.ref;
    for (const spec of pick(included.variables, options)) merge(variables, spec);
    lookAlikes.push(...included.lookAlikes);
  }
  for (const [name, own] of Object.entries(file.variables ?? {})) {
    merge(variables, { section: file.section, source: file.source, ...own, name });
  }
  lookAlikes.push(...(file.lookAlikes ?? []));
  return { variables, lookAlikes: dedupeLookAlikes(lookAlikes) };
}

/** The included variables an include takes, renamed as its options say. */
function pick(variables: Map<string, Partial>, options: Exclude<IncludeRef, string>): Partial[] {
  for (const name of [...(options.only ?? []), ...(options.exclude ?? []), ...Object.keys(options.canonical ?? {})]) {
    if (!variables.has(name)) throw new Error(`include of "${options.ref}" names ${name}, which "${options.ref}" does not define.`);
  }
  const out: Partial[] = [];
  for (const spec of variables.values()) {
    if (options.only && !options.only.includes(spec.name)) continue;
    if (options.exclude?.includes(spec.name)) continue;
    let taken: Partial = { ...spec };
    const canonical = options.canonical?.[spec.name];
    if (canonical !== undefined) {
      if (!(spec.aliases ?? []).includes(canonical)) {
        throw new Error(`include of "${options.ref}" makes ${canonical} canonical for ${spec.name}, but it is not one of ${spec.name}'s aliases.`);
      }
      // The chosen name is the one this runtime reads (e.g. next-auth v4 reads NEXTAUTH_SECRET).
      taken = {
        ...taken,
        name: canonical,
        aliases: [spec.name, ...(spec.aliases ?? []).filter((a) => a !== canonical)],
        precedence: 'canonical',
        // The included notes speak of the other name as canonical; they no longer hold.
        notes: `${canonical} is the canonical name in this schema (its include of "${options.ref}" chose it); ${spec.name} is also recognized, and ${canonical} wins when both are set.`,
      };
    }
    if (options.section) taken.section = options.section;
    out.push(taken);
  }
  return out;
}

/** A later declaration of a name overrides the fields it gives; the rest are kept. */
function merge(into: Map<string, Partial>, spec: Partial): void {
  const prior = into.get(spec.name);
  const defined = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as Partial;
  into.set(spec.name, prior ? { ...prior, ...defined } : defined);
}

function dedupeLookAlikes(list: LookAlike[]): LookAlike[] {
  const seen = new Set<string>();
  return list.filter((l) => {
    const key = `${l.name}\u0000${l.meant ?? ''}\u0000${l.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function finish(entry: Entry, resolved: Resolved): ResolvedSchema {
  const { file, origin } = entry;
  const variables = [...resolved.variables.values()].map(toSpec);
  const byName = new Map(variables.map((v) => [v.name, v]));
  const byAlias = new Map<string, VariableSpec>();
  for (const spec of variables) {
    for (const alias of spec.aliases ?? []) {
      if (byName.has(alias)) throw new Error(`${alias} is both a variable and an alias of ${spec.name}.`);
      const other = byAlias.get(alias);
      if (other && other !== spec) throw new Error(`${alias} is an alias of both ${other.name} and ${spec.name}.`);
      byAlias.set(alias, spec);
    }
  }
  const schema: ResolvedSchema = {
    id: file.id,
    title: file.title,
    product: file.product,
    variables,
    byName,
    byAlias,
    lookAlikes: resolved.lookAlikes,
    origin,
  };
  if (file.description !== undefined) schema.description = file.description;
  if (file.source !== undefined) schema.source = file.source;
  if (file.detect) schema.detect = { ...file.detect };
  return schema;
}

function toSpec(partial: Partial): VariableSpec {
  const { required, deprecated, type, ...rest } = partial;
  const spec: VariableSpec = { ...rest, description: rest.description ?? '', type: type ?? 'string' };
  const requirement = toRequirement(required);
  if (requirement) spec.required = requirement;
  else delete spec.required;
  if (deprecated !== undefined) spec.deprecated = toDeprecation(deprecated);
  // A secret is sensitive whatever the file says.
  if (spec.type === 'secret') spec.sensitive = true;
  return spec;
}

function toRequirement(required: VariableFile['required']): Requirement | undefined {
  if (required === undefined || required === false) return undefined;
  if (required === true) return { kind: 'always' };
  const out: Requirement = { kind: required.when?.length ? 'when' : 'always' };
  if (required.when?.length) out.when = required.when;
  if (required.reason !== undefined) out.reason = required.reason;
  if (required.alternatives?.length) out.alternatives = required.alternatives;
  return out;
}

function toDeprecation(deprecated: string | DeprecationFile): Deprecation {
  if (typeof deprecated === 'string') return { message: deprecated, renameSafe: false };
  const out: Deprecation = { message: deprecated.message, renameSafe: deprecated.renameSafe ?? false };
  if (deprecated.replacement !== undefined) out.replacement = deprecated.replacement;
  if (deprecated.inverted !== undefined) out.inverted = deprecated.inverted;
  return out;
}
