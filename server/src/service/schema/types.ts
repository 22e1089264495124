/**
 * The envls schema model: the *resolved* form every feature (completion, hover,
 * validation, code actions) reads. Schema files on disk (schemas/*.json, described
 * by schemas/envls-schema.schema.json) are loaded and composed into this form by
 * ./compose.ts; features never read raw JSON.
 */

export type VariableType =
  | 'string'
  | 'url'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'port'
  | 'enum'
  | 'path'
  | 'duration'
  | 'json'
  | 'hostPort'
  | 'secret'
  | 'list';

/**
 * How a product's runtime reads booleans:
 * - `go`: Go's strconv.ParseBool (1 t T TRUE true True 0 f F FALSE false False)
 * - `django`: django-environ's bool cast (true/on/ok/y/yes/1 and false/off/n/no/0, any case)
 * - `js`: a JavaScript `=== 'true'` check (only the exact string `true` is true)
 * - `any`: "set to any value to enable" flags: presence is what counts
 * - a list: exactly these spellings
 */
export type BooleanFlavor = 'go' | 'django' | 'js' | 'any' | string[];

/** A condition on another variable's value in the same file. */
export interface Condition {
  variable: string;
  /** Satisfied when the variable's value (after dotenv decoding) equals one of these, case-insensitively. */
  equals?: string[];
  /** Satisfied when the variable is set to a true value in its own boolean flavor. */
  truthy?: boolean;
  /** Satisfied when the variable is set (non-empty). */
  isSet?: boolean;
}

export interface Requirement {
  /** `always`: must be present; `when`: present when every condition holds. */
  kind: 'always' | 'when';
  when?: Condition[];
  /** Human words for why, e.g. "Required if AUTH_ENABLED is true". */
  reason?: string;
  /**
   * Sets of variables that satisfy the requirement instead (e.g. a full DATABASE_URL
   * replaces DB_HOST/DB_PORT/...): satisfied when every name of any one set is present.
   */
  alternatives?: string[][];
}

export interface Deprecation {
  /** The variable to use instead, if any. */
  replacement?: string;
  /** True when renaming the key keeps the meaning (no inverted value, same service). */
  renameSafe: boolean;
  /** What changed, in the documentation's words. */
  message: string;
  /** For inverted booleans: the replacement's value is the negation. */
  inverted?: boolean;
}

export interface ValueConstraints {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  prefix?: string;
  suffix?: string;
  noTrailingSlash?: boolean;
  /** JavaScript regular expression the value must NOT match (e.g. a path the product adds itself). */
  notPattern?: string;
  /** Shown when a constraint fails. */
  message?: string;
  /**
   * A form the documentation calls conventional (e.g. a token prefix): a value that
   * does not match it is a hint, never an error.
   */
  conventionalPattern?: string;
  /** Shown with the hint when conventionalPattern does not match. */
  conventionalMessage?: string;
}

/** Checks of a variable that are envls's own choice, not the product's documentation or code. */
export type AdviceCheck = 'type' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern';

export interface VariableSpec {
  name: string;
  /** The documentation's words, whole (markdown allowed). */
  description: string;
  /** Service or section heading in the source page. */
  section?: string;
  /** Link to the page that documents the variable. */
  source?: string;
  type: VariableType;
  /** url: allowed schemes without `:` (e.g. ["http", "https"]). */
  schemes?: string[];
  boolean?: BooleanFlavor;
  /** enum: allowed values. */
  values?: string[];
  /** enum: compare case-insensitively. */
  caseInsensitive?: boolean;
  /** enum: several values may be given separated by this (e.g. ","). */
  separator?: string;
  minimum?: number;
  maximum?: number;
  constraints?: ValueConstraints;
  /** Example values shown in the documentation (offered in completion; never placeholders of secrets). */
  examples?: string[];
  /** Literal default value as documented. */
  default?: string;
  /** A documented default that is not a literal value (e.g. "no limit", "Neosync's PostHog key"). */
  defaultDescription?: string;
  /** The default is another variable's value (e.g. KUBERNETES_NAMESPACE). */
  defaultFrom?: string;
  required?: Requirement;
  /** The variable only has an effect when these hold (e.g. RUN_LOGS_TYPE=loki). */
  onlyUsedWhen?: Condition[];
  /** Other names the product also reads for this variable. */
  aliases?: string[];
  /** When canonical and alias are both set, which one the product reads. */
  precedence?: 'canonical' | 'alias';
  deprecated?: Deprecation;
  /** Never shown in hover, never logged. */
  sensitive?: boolean;
  /** Values that switch a protection off (e.g. NODE_TLS_REJECT_UNAUTHORIZED=0): insecureValue. */
  insecureValues?: string[];
  /** Why those values are insecure, in the documentation's words. */
  insecureMessage?: string;
  /** Values documented as placeholders (insecure if left in place). */
  placeholders?: string[];
  /** Variables whose value must not equal this one's (two secrets). */
  mustDifferFrom?: string[];
  /** Set and controlled by the product itself; the user should not set it. */
  managedBy?: string;
  /** Free text: choices made where the source page contradicts itself. */
  notes?: string;
  /**
   * Checks that are envls's advice (e.g. a minimum secret length the product does not
   * document): reported at warning at most, and said to be advice.
   */
  advice?: AdviceCheck[];
}

/** "Names that look alike": a name people write by mistake, and what they meant. */
export interface LookAlike {
  name: string;
  /** The variable meant, if one. */
  meant?: string;
  message: string;
}

export interface DetectionHints {
  /** Variable names that only this product uses; a file holding enough of them is this product's. */
  uniqueVariables?: string[];
  /** How many distinct unique variables make a confident detection (default 2). */
  minimumMatches?: number;
  /** File names that, beside the .env file, mark the product (e.g. flux.json). */
  markers?: string[];
  /**
   * Components of the same product that no profile describes (e.g. Flux's self-hosted
   * gateway): a file holding one of their names is not this profile's.
   */
  otherComponents?: OtherComponent[];
  /** Manifest dependencies that mean the app uses this library or service (catalog schemas). */
  packages?: PackageHints;
}

/** Package names per ecosystem; a dependency on one of them in the app's manifest declares the service. */
export interface PackageHints {
  npm?: string[];
  pypi?: string[];
  composer?: string[];
  gem?: string[];
  go?: string[];
  cargo?: string[];
}

export interface OtherComponent {
  name: string;
  /** Names only that component sets (never generic ones). */
  variables: string[];
  /** Where those names come from. */
  source?: string;
}

/** A schema detection guessed for a file, with how sure it is and why (schema/detect.ts makes them, binding.ts uses them). */
export interface Detection {
  id: string;
  confidence: 'confident' | 'weak';
  reason: string;
  /** Found from a dependency in the app's manifest: the app declares the service. */
  declared?: boolean;
  /** What the detection rests on: a manifest dependency, names only this software uses, or a marker file beside the file. */
  evidence?: 'manifest' | 'names' | 'marker';
  /** The short form of `reason` (`next in package.json`), for a status line. */
  short?: string;
}

export interface ResolvedSchema {
  id: string;
  title: string;
  product: string;
  description?: string;
  source?: string;
  variables: VariableSpec[];
  /** Canonical name -> spec. */
  byName: Map<string, VariableSpec>;
  /** Alias or legacy name -> the canonical spec it stands for. */
  byAlias: Map<string, VariableSpec>;
  lookAlikes: LookAlike[];
  detect?: DetectionHints;
  /** A building block other schemas include (e.g. authjs): bound only when a person names it. */
  fragment?: boolean;
  /**
   * A catalog schema (schemas/catalog/: a common service or framework, not one product): its
   * unconditional requirements are reported only when the app declares the service (a manifest
   * dependency) or a person binds it by name.
   */
  catalog?: boolean;
  /** Where the schema came from (a path or `builtin:<id>`), for messages. */
  origin: string;
}
