/**
 * The one runner of schema patterns (`constraints.pattern`). Patterns come from
 * schema files, the user's included, and run against every value typed, so none
 * may ever block the server. A static screen for catastrophic backtracking cannot
 * be made complete (`^((a|aa))+$` and `^ā*ā*ā*ā*$` passed the one used before), so
 * patterns run in RE2JS, a pure-JS port of RE2 whose matching time is linear in
 * the value's length whatever the pattern. Builtin patterns take the same road:
 * one engine, one cache, one input cap.
 *
 * A pattern is written in JavaScript's syntax (as JSON Schema's `pattern`) and
 * must also be one RE2 can run: backreferences and lookaround are refused.
 * Where RE2 reads the same text differently (`.`, `\s`, `\A`…), jsToRe2 rewrites it.
 */
import type { RE2JS } from 're2js';
import { jsToRe2 } from './jsToRe2';

/** Longest pattern accepted from a schema file. */
export const MAX_PATTERN_LENGTH = 256;
/** Values longer than this are never tested against a schema pattern. */
export const MAX_PATTERN_INPUT = 4096;
/** Compiled patterns kept; the least recently used is dropped beyond this. */
export const PATTERN_CACHE_SIZE = 256;

/** A pattern ready to run. */
export interface CompiledPattern {
  readonly source: string;
  test(value: string): boolean;
}

type Compiled = { pattern: CompiledPattern } | { problem: string };

/** Map iteration order is insertion order: re-inserting on use makes the first key the least recently used. */
const cache = new Map<string, Compiled>();

/** Why a pattern is refused, or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  const compiled = compile(pattern);
  return 'problem' in compiled ? compiled.problem : undefined;
}

/** The compiled pattern, or undefined when it is refused. */
export function compilePattern(pattern: string): CompiledPattern | undefined {
  const compiled = compile(pattern);
  return 'pattern' in compiled ? compiled.pattern : undefined;
}

/** Whether the value matches; undefined when the pattern is refused or the value too long to test. */
export function matchesPattern(pattern: string, value: string): boolean | undefined {
  if (value.length > MAX_PATTERN_INPUT) return undefined;
  return compilePattern(pattern)?.test(value);
}

/** How many compiled patterns are held (for tests of the cap). */
export function patternCacheSize(): number {
  return cache.size;
}

function compile(pattern: string): Compiled {
  const known = cache.get(pattern);
  if (known) {
    cache.delete(pattern);
    cache.set(pattern, known);
    return known;
  }
  const compiled = compileUncached(pattern);
  if (cache.size >= PATTERN_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

function compileUncached(pattern: string): Compiled {
  if (pattern.length > MAX_PATTERN_LENGTH) return { problem: `The pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.` };
  try {
    new RegExp(pattern);
  } catch (error) {
    return { problem: `Invalid regular expression: ${(error as Error).message}` };
  }
  const engine = re2();
  let re: RE2JS;
  try {
    re = engine.compile(engine.translateRegExp(jsToRe2(pattern)));
  } catch (error) {
    return {
      problem: `This pattern cannot run in envls's linear-time regular expression engine (RE2 syntax: no backreferences, no lookahead or lookbehind): ${(error as Error).message}`,
    };
  }
  return { pattern: { source: pattern, test: (value) => re.test(value) } };
}

let engine: typeof RE2JS | undefined;

/** Loaded on first use: evaluating RE2JS's Unicode tables costs ~10 ms that a server with no pattern to run never pays. */
function re2(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return engine;
}
