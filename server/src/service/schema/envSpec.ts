/**
 * A `.env.schema` in varlock's @env-spec format, read into envls's schema model: the project's own
 * declaration of its variables, bound to the env files of its app (binding.ts, `projectSchemas`).
 *
 * The text is parsed by `@env-spec/parser` (varlock's own parser, loaded on first use: most servers
 * never see a `.env.schema`). Decorators map onto VariableSpec fields (envSpecVocabulary.ts lists
 * them with varlock's documentation); what envls cannot use is reported as information, what it
 * cannot read as a warning or an error, each with its offsets in the file (`problems`).
 *
 * In env-spec the value of an item in the schema file is its default
 * (https://varlock.dev/reference/root-decorators/#defaultrequired: "Items with a value set in the same
 * file will be required"; the value is what they resolve to when no other file sets one). A function
 * call value (`exec(...)`, `op(...)`, `$OTHER`) is resolved by varlock at load time: envls never runs
 * anything from a file, so such an item has no static default, only a `defaultDescription` naming the
 * function (never its arguments, which may hold a secret's reference).
 */
import type {
  ParsedEnvSpecDecorator,
  ParsedEnvSpecFile,
  ParsedEnvSpecFunctionArgs,
  ParsedEnvSpecFunctionCall,
  ParsedEnvSpecStaticValue,
} from '@env-spec/parser';
import type { Span } from '../parser/model';
import { NearMissIndex } from './nearMiss';
import { patternProblem } from './safeRegex';
import type { ResolvedSchema, VariableSpec } from './types';
import { DATA_TYPES, DATA_TYPES_BY_NAME, decoratorInfo, DECORATORS, DECORATORS_BY_NAME, ENV_SPEC_REFERENCE_URL, type DataTypeInfo } from './envSpecVocabulary';

export type EnvSpecSeverity = 'error' | 'warning' | 'information';

/** Something envls cannot read or use in the `.env.schema`, at offsets of its text. */
export interface EnvSpecProblem {
  start: number;
  end: number;
  message: string;
  severity: EnvSpecSeverity;
  /** A name one edit away that varlock knows: the quick fix replaces `span` with it. */
  suggestion?: { span: Span; name: string };
}

/** A decorator written in the file, for hover and completion. */
export interface DecoratorSite {
  name: string;
  scope: 'root' | 'item';
  /** From `@` to the end of its value. */
  span: Span;
  /** The item it belongs to (scope `item`). */
  item?: string;
}

export interface EnvSpecReading {
  schema: ResolvedSchema;
  problems: EnvSpecProblem[];
  decorators: DecoratorSite[];
}

/** The origin (and id) of the schema a `.env.schema` declares: `project:<workspace-relative path>`. */
export function projectSchemaOrigin(path: string): string {
  return `project:${path}`;
}

/** Whether a file name is env-spec's schema file. */
export function isEnvSpecFileName(name: string): boolean {
  return name === '.env.schema';
}

/**
 * Larger files are not read: a schema is a few kB, and varlock's parser takes about 5 ms per kB
 * (measured on this machine: 85 kB in 0.6 s).
 */
export const MAX_ENV_SPEC_LENGTH = 128 * 1024;
/** Lines envls skips to read the rest of a file with syntax errors; past this, the file is not used. */
const MAX_RECOVERIES = 50;
/** Characters parsed in all, over the retries of one reading: bounds the work of a file full of errors. */
const PARSE_BUDGET = 512 * 1024;
/** Problems reported per file; the rest are summed up in one. */
export const MAX_ENV_SPEC_PROBLEMS = 200;

type Parser = typeof import('@env-spec/parser');
let parser: Parser | undefined;

function envSpecParser(): Parser {
  // Its own bundle file (scripts/build.mjs), required the first time a `.env.schema` is read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parser ??= require('@env-spec/parser') as Parser;
  return parser;
}

const recent = new Map<string, EnvSpecReading>();
const RECENT_SIZE = 16;

/**
 * The schema a `.env.schema` declares, with what envls could not read or use. The same text and
 * path give the same objects (a bounded cache): every env file of the app binds it, at each keystroke.
 */
export function readEnvSpec(text: string, path: string): EnvSpecReading {
  const key = `${path}\u0000${text}`;
  const known = recent.get(key);
  if (known) return known;
  const reading = readUncached(text, path);
  if (recent.size >= RECENT_SIZE) recent.delete(recent.keys().next().value as string);
  recent.set(key, reading);
  return reading;
}

function readUncached(text: string, path: string): EnvSpecReading {
  const origin = projectSchemaOrigin(path);
  const schema: ResolvedSchema = {
    id: origin,
    title: `${path} (env-spec)`,
    product: 'this project',
    description: `The variables this project declares in ${path} (varlock's @env-spec format).`,
    variables: [],
    byName: new Map(),
    byAlias: new Map(),
    lookAlikes: [],
    origin,
  };
  const reading: EnvSpecReading = { schema, problems: [], decorators: [] };
  if (text.length > MAX_ENV_SPEC_LENGTH) {
    reading.problems.push({ start: 0, end: 0, severity: 'warning', message: `This file is larger than ${MAX_ENV_SPEC_LENGTH / 1024} kB: envls does not read it as a schema.` });
    return reading;
  }
  const file = parseRecovering(text, reading.problems);
  if (file) new Reader(reading).read(file);
  if (reading.problems.length > MAX_ENV_SPEC_PROBLEMS) {
    const more = reading.problems.length - MAX_ENV_SPEC_PROBLEMS;
    reading.problems.length = MAX_ENV_SPEC_PROBLEMS;
    reading.problems.push({ start: 0, end: 0, severity: 'warning', message: `${more} more problems in this file are not shown.` });
  }
  return reading;
}

/**
 * varlock's parser stops at the first error. To read the rest, the offending line is replaced by a
 * comment of the same length (offsets stay valid) and the text parsed again, a bounded number of times.
 */
function parseRecovering(text: string, problems: EnvSpecProblem[]): ParsedEnvSpecFile | undefined {
  let current = text;
  let parsed = 0;
  for (let attempt = 0; attempt <= MAX_RECOVERIES; attempt++) {
    try {
      parsed += current.length;
      return envSpecParser().parseEnvSpecDotEnvFile(current);
    } catch (error) {
      const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset;
      // A stack overflow (deeply nested calls) has no location; a file full of errors runs out of budget.
      if (typeof offset !== 'number' || attempt === MAX_RECOVERIES || parsed + current.length > PARSE_BUDGET) {
        problems.push({ start: 0, end: 0, severity: 'error', message: 'envls cannot read this file as env-spec; it is not used as a schema.' });
        return undefined;
      }
      const at = Math.min(Math.max(offset, 0), current.length);
      const lineStart = current.lastIndexOf('\n', at - 1) + 1;
      const newline = current.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? current.length : newline;
      const line = current.slice(lineStart, lineEnd);
      const isDecorator = /^\s*#\s*@/.test(line);
      problems.push({
        start: Math.min(at, lineEnd),
        end: lineEnd > at ? lineEnd : Math.min(at + 1, current.length),
        severity: 'error',
        message: isDecorator
          ? 'Malformed decorator: varlock cannot read this comment (a value with spaces needs quotes, `@name=` needs a value). envls skips the line.'
          : 'Not valid env-spec: varlock cannot read this line. envls skips it.',
      });
      const blank = line.length === 0 ? '' : `#${' '.repeat(line.length - 1)}`;
      // No progress possible (an empty line, or a line already blanked): stop here.
      if (blank === line) {
        problems.push({ start: 0, end: 0, severity: 'error', message: 'envls cannot read this file as env-spec; it is not used as a schema.' });
        return undefined;
      }
      current = current.slice(0, lineStart) + blank + current.slice(lineEnd);
    }
  }
  return undefined;
}

type Value = ParsedEnvSpecStaticValue | ParsedEnvSpecFunctionCall | ParsedEnvSpecFunctionArgs | undefined;

const isCall = (v: unknown): v is ParsedEnvSpecFunctionCall => !!v && typeof (v as ParsedEnvSpecFunctionCall).data?.name === 'string' && !!(v as ParsedEnvSpecFunctionCall).data?.args;
const isArgs = (v: unknown): v is ParsedEnvSpecFunctionArgs => !!v && Array.isArray((v as ParsedEnvSpecFunctionArgs).data?.values);
const isStatic = (v: unknown): v is ParsedEnvSpecStaticValue => !!v && !isCall(v) && !isArgs(v) && 'rawValue' in ((v as ParsedEnvSpecStaticValue).data ?? {});

function spanOf(node: { data?: { _location?: { start?: { offset?: number }; end?: { offset?: number } } } } | undefined, fallback: Span): Span {
  const loc = node?.data?._location;
  const start = loc?.start?.offset;
  const end = loc?.end?.offset;
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : fallback;
}

interface RootSettings {
  /** `infer` (varlock's default), or true/false. */
  defaultRequired: boolean | 'infer';
  /** true (varlock's default), false, or a prefix whose keys are not sensitive. */
  defaultSensitive: boolean | { publicPrefix: string };
  disabled: boolean;
  /** `@plugin(...)` is used: unknown decorators and types may be the plugin's. */
  plugins: boolean;
}

/** The parts of one item the decorators set, before defaults apply. */
interface ItemDraft {
  spec: VariableSpec;
  required?: boolean;
  sensitive?: boolean;
  /** A static value in the schema file (its default). */
  hasValue: boolean;
  /** A function call value: varlock resolves it at load time. */
  dynamicValue: boolean;
}

class Reader {
  private readonly settings: RootSettings = { defaultRequired: 'infer', defaultSensitive: true, disabled: false, plugins: false };

  constructor(private readonly reading: EnvSpecReading) {}

  private problem(span: Span, severity: EnvSpecSeverity, message: string, suggestion?: EnvSpecProblem['suggestion']): void {
    this.reading.problems.push({ start: span.start, end: span.end, severity, message, ...(suggestion ? { suggestion } : {}) });
  }

  read(file: ParsedEnvSpecFile): void {
    const rootDecorators: ParsedEnvSpecDecorator[] = [];
    let seenItem = false;
    for (const node of file.contents) {
      if ('key' in node.data && typeof node.data.key === 'string') {
        seenItem = true;
        continue;
      }
      if (!('comments' in node.data)) continue;
      const decorators = (node as { decoratorsArray?: ParsedEnvSpecDecorator[] }).decoratorsArray ?? [];
      // Comment blocks before the first item are the header (https://varlock.dev/reference/root-decorators/).
      if (!seenItem) rootDecorators.push(...decorators);
      else {
        for (const d of decorators) {
          this.site(d, 'item');
          this.problem(spanOf(d, { start: 0, end: 0 }), 'warning', `@${d.name} is attached to no item: a blank line or a divider separates it from the next one, so it applies to nothing.`);
        }
      }
    }
    for (const d of rootDecorators) this.plugin(d);
    for (const d of rootDecorators) this.root(d);
    if (this.settings.disabled) return;
    const drafts = new Map<string, ItemDraft>();
    for (const item of file.configItems) {
      let draft = drafts.get(item.key);
      if (!draft) {
        draft = { spec: { name: item.key, description: '', type: 'string' }, hasValue: false, dynamicValue: false };
        drafts.set(item.key, draft);
      }
      this.value(item.data.value, draft);
      const description = item.description.trim();
      if (description) draft.spec.description = description;
      for (const d of item.decoratorsArray) this.item(d, draft);
    }
    for (const draft of drafts.values()) this.finish(draft);
  }

  private plugin(d: ParsedEnvSpecDecorator): void {
    if (d.name === 'plugin') this.settings.plugins = true;
  }

  private site(d: ParsedEnvSpecDecorator, scope: 'root' | 'item', item?: string): Span {
    const span = spanOf(d, { start: 0, end: 0 });
    this.reading.decorators.push({ name: d.name, scope, span, ...(item ? { item } : {}) });
    return span;
  }

  /** A decorator envls does not know: a plugin's (information), or a typo (warning). */
  private unknown(d: ParsedEnvSpecDecorator, span: Span, scope: 'root' | 'item'): void {
    const other = DECORATORS_BY_NAME.get(d.name)?.find((x) => x.scope !== scope);
    if (other) {
      this.problem(span, 'warning', `@${d.name} is ${other.scope === 'root' ? 'a root decorator: it belongs in the header (the comments before the first item)' : 'an item decorator: it belongs in the comments right above an item'}; here varlock does not apply it.`);
      return;
    }
    const near = nearName(d.name, DECORATORS.filter((x) => x.scope === scope).map((x) => x.name));
    const suggestion = near ? { span: { start: span.start + 1, end: span.start + 1 + d.name.length }, name: near } : undefined;
    const meant = near ? ` Did you mean @${near}?` : '';
    if (this.settings.plugins) this.problem(span, 'information', `envls does not know @${d.name}; it may come from a plugin (envls loads none).${meant}`, suggestion);
    else this.problem(span, 'warning', `Unknown decorator @${d.name}: varlock has no such ${scope} decorator (${ENV_SPEC_REFERENCE_URL}).${meant}`, suggestion);
  }

  private unused(span: Span, name: string, scope: 'root' | 'item'): void {
    const info = decoratorInfo(name, scope)!;
    this.problem(span, 'information', `@${name}: ${info.envls}${info.deprecated ? ` ${info.deprecated}` : ''}`);
  }

  private root(d: ParsedEnvSpecDecorator): void {
    const span = this.site(d, 'root');
    const info = decoratorInfo(d.name, 'root');
    if (!info) return this.unknown(d, span, 'root');
    const value = d.value as Value;
    switch (d.name) {
      case 'defaultRequired': {
        const v = staticOf(value);
        if (v === true || v === false || v === 'infer') this.settings.defaultRequired = v;
        else this.problem(span, 'warning', '@defaultRequired takes true, false or infer; envls keeps varlock\'s default (infer).');
        return;
      }
      case 'defaultSensitive': {
        const v = staticOf(value);
        if (v === true || v === false) this.settings.defaultSensitive = v;
        else if (isCall(value) && value.data.name === 'inferFromPrefix' && typeof staticArgs(value)[0] === 'string') {
          this.settings.defaultSensitive = { publicPrefix: staticArgs(value)[0] as string };
        } else this.problem(span, 'warning', '@defaultSensitive takes true, false or inferFromPrefix(PREFIX); envls keeps varlock\'s default (true: every item is sensitive).');
        return;
      }
      case 'disable': {
        const v = staticOf(value);
        if (v === true) {
          this.settings.disabled = true;
          this.problem(span, 'information', '@disable: varlock loads nothing from this file, so envls applies none of its items.');
        } else if (v !== false) this.problem(span, 'information', '@disable with a condition: envls does not evaluate it and applies the file\'s items.');
        return;
      }
      default:
        return this.unused(span, d.name, 'root');
    }
  }

  private value(value: ParsedEnvSpecStaticValue | ParsedEnvSpecFunctionCall | undefined | null, draft: ItemDraft): void {
    draft.hasValue = false;
    draft.dynamicValue = false;
    delete draft.spec.default;
    delete draft.spec.defaultDescription;
    if (!value) return;
    if (isCall(value)) {
      draft.dynamicValue = true;
      draft.spec.defaultDescription = `resolved by varlock's ${value.data.name}() when it loads; envls never runs it`;
      return;
    }
    if (!isStatic(value)) return;
    const raw = String(value.data.rawValue ?? '');
    const quote = value.data.quote;
    const text = quote ? String(value.unescapedValue ?? '') : raw.trim();
    // Unquoted `undefined` is no value (https://varlock.dev/env-spec/reference/).
    if (!quote && text === 'undefined') return;
    if (text === '') return;
    // A reference to another item is expanded by varlock at load time.
    if (quote !== "'" && /\$(\{|[A-Za-z_])/.test(text)) {
      draft.dynamicValue = true;
      draft.spec.defaultDescription = 'computed by varlock from other variables when it loads';
      return;
    }
    draft.hasValue = true;
    draft.spec.default = text;
  }

  private item(d: ParsedEnvSpecDecorator, draft: ItemDraft): void {
    const span = this.site(d, 'item', draft.spec.name);
    const info = decoratorInfo(d.name, 'item');
    if (!info) return this.unknown(d, span, 'item');
    const value = d.value as Value;
    const spec = draft.spec;
    const flag = (): boolean | undefined => {
      const v = staticOf(value);
      if (v === true || v === false) return v;
      if (isCall(value) || isArgs(value)) {
        this.problem(span, 'information', `@${d.name} with a condition: envls does not evaluate it and keeps the default.`);
      } else this.problem(span, 'warning', `@${d.name} takes true or false.`);
      return undefined;
    };
    switch (d.name) {
      case 'required': {
        const v = flag();
        if (v !== undefined) draft.required = v;
        return;
      }
      case 'optional': {
        const v = flag();
        if (v !== undefined) draft.required = !v;
        return;
      }
      case 'sensitive': {
        const v = staticOf(value);
        // `@sensitive={enabled=…, preventLeaks=…}` (the options form): sensitive unless enabled=false.
        if (typeof v === 'string' && v.startsWith('{')) draft.sensitive = !/\benabled\s*=\s*false\b/.test(v);
        else {
          const f = flag();
          if (f !== undefined) draft.sensitive = f;
        }
        return;
      }
      case 'public': {
        const v = flag();
        if (v !== undefined) draft.sensitive = !v;
        return;
      }
      case 'type':
        return this.type(value, span, draft);
      case 'example': {
        const v = staticOf(value);
        if (v === undefined || v === true || typeof v === 'object') return this.problem(span, 'warning', '@example takes a value: @example="…".');
        spec.examples = [...(spec.examples ?? []), String(v)];
        return;
      }
      case 'docs': {
        const args = isArgs(value) ? value.data.values.map((a) => (isStatic(a) ? a.value : undefined)) : [staticOf(value)];
        const url = args.map(String).find((a) => /^https?:\/\//.test(a));
        if (!url) return this.problem(span, 'warning', '@docs takes a URL: @docs(https://…) or @docs("Title", https://…).');
        spec.source ??= url;
        return;
      }
      case 'docsUrl': {
        const v = staticOf(value);
        if (typeof v !== 'string' || !/^https?:\/\//.test(v)) return this.problem(span, 'warning', '@docsUrl takes a URL.');
        spec.source ??= v;
        this.problem(span, 'information', '@docsUrl is deprecated in varlock: use @docs(url).');
        return;
      }
      case 'deprecated': {
        const v = staticOf(value);
        if (v === false) delete spec.deprecated;
        else if (v === true) spec.deprecated = { renameSafe: false, message: 'Deprecated in the project\'s .env.schema.' };
        else if (typeof v === 'string') spec.deprecated = { renameSafe: false, message: v };
        else this.problem(span, 'warning', '@deprecated takes true, false or a message.');
        return;
      }
      case 'proxy':
        // The call form implies @sensitive (https://varlock.dev/reference/item-decorators/#proxy).
        if (isArgs(value) || isCall(value)) draft.sensitive ??= true;
        return this.unused(span, d.name, 'item');
      default:
        return this.unused(span, d.name, 'item');
    }
  }

  private type(value: Value, span: Span, draft: ItemDraft): void {
    const spec = draft.spec;
    const name = isCall(value) ? value.data.name : staticOf(value);
    if (typeof name !== 'string') return this.problem(span, 'warning', '@type takes a data type: @type=url, @type=enum(a, b), @type=string(minLength=8).');
    const info = DATA_TYPES_BY_NAME.get(name);
    if (!info) {
      if (['if', 'ifs', 'fallback', 'forEnv', 'eq', 'not', 'ref', 'remap'].includes(name)) {
        return this.problem(span, 'information', `@type=${name}(…) is chosen when varlock loads; envls does not evaluate it and checks no type.`);
      }
      const near = nearName(name, DATA_TYPES.map((t) => t.name));
      const at = span.start + '@type='.length;
      const suggestion = near ? { span: { start: at, end: at + name.length }, name: near } : undefined;
      const meant = near ? ` Did you mean ${near}?` : '';
      if (this.settings.plugins) return this.problem(span, 'information', `envls does not know the data type ${name}; it may come from a plugin (envls checks no type).${meant}`, suggestion);
      return this.problem(span, 'warning', `Unknown data type ${name}: varlock has no such type (${DATA_TYPES_BY_NAME.get('string')!.url.replace(/#.*$/, '')}).${meant}`, suggestion);
    }
    const positional: unknown[] = [];
    const options = new Map<string, { value: unknown; span: Span; dynamic: boolean }>();
    if (isCall(value)) {
      for (const arg of value.data.args.data.values) {
        if ('key' in arg.data && typeof arg.data.key === 'string') {
          const val = arg.data.val as ParsedEnvSpecStaticValue | ParsedEnvSpecFunctionCall;
          options.set(arg.data.key, { value: isStatic(val) ? val.value : undefined, span: spanOf(val, span), dynamic: isCall(val) });
        } else positional.push(isStatic(arg) ? arg.value : isCall(arg) ? { call: arg.data.name } : undefined);
      }
    }
    const optionValue = (option: string, kind: 'number' | 'boolean' | 'string'): unknown => {
      const o = options.get(option);
      if (!o || o.dynamic) return undefined;
      if (typeof o.value !== kind) {
        this.problem(o.span, 'warning', `${info.name}(${option}=…) takes a ${kind}.`);
        return undefined;
      }
      return o.value;
    };
    for (const [option, o] of options) {
      const known = info.options.find((x) => x.name === option);
      if (!known) {
        const near = nearName(option, info.options.map((x) => x.name));
        this.problem(o.span, 'warning', `The data type ${info.name} has no option ${option} (${info.url}).${near ? ` Did you mean ${near}?` : ''}`);
      }
      else if (o.dynamic) this.problem(o.span, 'information', `${info.name}(${option}=…) is computed when varlock loads; envls does not check it.`);
      else if (!known.checked) this.problem(o.span, 'information', `${info.name}(${option}=…): envls does not check this option.`);
    }
    this.applyType(info, spec, positional, optionValue, span);
  }

  private applyType(info: DataTypeInfo, spec: VariableSpec, positional: unknown[], option: (name: string, kind: 'number' | 'boolean' | 'string') => unknown, span: Span): void {
    const constraints = (spec.constraints ??= {});
    const num = (name: string) => option(name, 'number') as number | undefined;
    const str = (name: string) => option(name, 'string') as string | undefined;
    const bool = (name: string) => option(name, 'boolean') as boolean | undefined;
    const pattern = (source: string | undefined) => {
      if (source === undefined) return;
      const regex = /^\/(.*)\/([a-z]*)$/s.exec(source);
      if (regex && regex[2] !== '') return this.problem(span, 'information', `envls does not check \`matches\` with flags (/${regex[2]}); the other checks apply.`);
      const body = regex ? regex[1] : source;
      const problem = patternProblem(body);
      if (problem) return this.problem(span, 'warning', `envls cannot run this \`matches\` pattern: ${problem}`);
      constraints.pattern = body;
    };
    switch (info.name) {
      case 'string': {
        const isLength = num('isLength');
        const min = isLength ?? num('minLength');
        const max = isLength ?? num('maxLength');
        if (min !== undefined) constraints.minLength = min;
        if (max !== undefined) constraints.maxLength = max;
        const prefix = str('startsWith');
        const suffix = str('endsWith');
        if (prefix) constraints.prefix = prefix;
        if (suffix) constraints.suffix = suffix;
        pattern(str('matches'));
        spec.type = 'string';
        break;
      }
      case 'number': {
        const integer = bool('isInt') === true || num('precision') === 0;
        spec.type = integer ? 'integer' : 'number';
        const min = num('min');
        const max = num('max');
        if (min !== undefined) spec.minimum = min;
        if (max !== undefined) spec.maximum = max;
        break;
      }
      case 'boolean':
        spec.type = 'boolean';
        // varlock's spellings (https://varlock.dev/reference/data-types/#boolean).
        spec.boolean = ['t', 'true', 'yes', 'on', '1', 'f', 'false', 'no', 'off', '0'];
        break;
      case 'url':
        // With prependHttps a value without a scheme is valid: envls then checks only the other options.
        spec.type = bool('prependHttps') === true ? 'string' : 'url';
        if (bool('noTrailingSlash') === true) constraints.noTrailingSlash = true;
        pattern(str('matches'));
        break;
      case 'enum': {
        const members = positional.filter((p) => p !== undefined && typeof p !== 'object').map(String);
        if (positional.some((p) => typeof p === 'object' || p === undefined)) {
          this.problem(span, 'information', 'Some enum members are computed when varlock loads ($ITEM); envls checks no values.');
          break;
        }
        if (members.length === 0) {
          this.problem(span, 'warning', '@type=enum needs its members: @type=enum(dev, staging, prod).');
          break;
        }
        spec.type = 'enum';
        spec.values = members;
        break;
      }
      case 'email':
        constraints.pattern = '^[^@\\s]+@[^@\\s]+$';
        constraints.message = 'It must be an email address (@type=email).';
        break;
      case 'port':
        spec.type = 'port';
        // varlock's port range starts at 0 (https://varlock.dev/reference/data-types/#port).
        spec.minimum = num('min') ?? 0;
        spec.maximum = num('max') ?? 65535;
        break;
      case 'ip': {
        const version = num('version');
        const v4 = '((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
        const v6 = '[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(%\\w+)?|[0-9A-Fa-f:]*:' + v4;
        constraints.pattern = version === 4 ? `^${v4}$` : version === 6 ? `^(${v6})$` : `^(${v4}|${v6})$`;
        constraints.message = `It must be an IP${version === 4 || version === 6 ? `v${version}` : ''} address (@type=ip).`;
        break;
      }
      case 'semver':
        // semver.org's grammar, with the build and pre-release parts not checked digit by digit.
        constraints.pattern = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';
        constraints.message = 'It must be a semantic version such as 1.2.3 (@type=semver).';
        break;
      case 'isoDate':
        constraints.pattern = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$';
        constraints.message = 'It must be an ISO 8601 date such as 2024-03-20T15:30:00Z (@type=isoDate).';
        break;
      case 'uuid':
        constraints.pattern = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
        constraints.message = 'It must be a UUID (@type=uuid).';
        break;
      case 'md5':
        constraints.pattern = '^[0-9A-Fa-f]{32}$';
        constraints.message = 'It must be an MD5 hash: 32 hexadecimal digits (@type=md5).';
        break;
      case 'simple-object':
        spec.type = 'json';
        break;
      default:
        // duration, array, record: varlock's forms are wider than what envls checks (see the vocabulary).
        break;
    }
    if (Object.keys(constraints).length === 0) delete spec.constraints;
  }

  /** Applies the file's defaults (@defaultRequired, @defaultSensitive) and adds the item to the schema. */
  private finish(draft: ItemDraft): void {
    const { spec } = draft;
    const { defaultRequired, defaultSensitive } = this.settings;
    const required = draft.required ?? (defaultRequired === true);
    // A value in the schema file (static, or resolved by varlock) is what the item resolves to
    // when no other file sets it: such an item is never missing.
    if (required && !draft.hasValue && !draft.dynamicValue) spec.required = { kind: 'always', reason: 'required by the project\'s .env.schema' };
    const sensitive = draft.sensitive ?? (typeof defaultSensitive === 'boolean' ? defaultSensitive : !spec.name.startsWith(defaultSensitive.publicPrefix));
    if (sensitive) spec.sensitive = true;
    if (!spec.description) spec.description = sensitive ? 'Declared in the project\'s .env.schema (sensitive).' : 'Declared in the project\'s .env.schema.';
    const { schema } = this.reading;
    schema.variables.push(spec);
    schema.byName.set(spec.name, spec);
  }
}

/** A decorator's or argument's static value (true for a bare `@name`); undefined for a call. */
function staticOf(value: Value): unknown {
  if (isStatic(value)) return value.value;
  return undefined;
}

function staticArgs(call: ParsedEnvSpecFunctionCall): unknown[] {
  return call.data.args.data.values.map((v) => (isStatic(v) ? v.value : undefined));
}

/** A known name one edit away (case aside), for "did you mean". */
function nearName(name: string, known: readonly string[]): string | undefined {
  return new NearMissIndex(known).suggest(name, 1)[0];
}
