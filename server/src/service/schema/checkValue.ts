/** Whether a value fits its variable's declared type and constraints (invalidValue). */
import { booleanSpellings, describeBooleanValues, fewValues, parseBoolean } from './values';
import { nameText, plainText, sentencesWithin, valueText } from '../rules/messageText';
import type { AdviceCheck, VariableSpec } from './types';
import { matchesPattern } from './safeRegex';

export interface ValueProblem {
  message: string;
  /** Values that would be valid, for quick fixes (enum members, boolean spellings). */
  replacements?: string[];
  /** An edit of the value that fixes it for sure (e.g. trailing slash removed). */
  corrected?: string;
  /** Milder than an error: `warning` for envls's own advice, `hint` for a documented convention. */
  severity?: 'warning' | 'hint';
}

/** What envls says after a check that is its own choice, not the product's. */
export const ADVICE_NOTE = "(envls advice, not the product's rule)";

/** Room a constraint's own words get in a message. */
const WHY_MAX = 90;

/**
 * `hideValue`: the value is sensitive, so messages never quote it. Messages are plain
 * text of about 160 characters (rules/messageText.ts).
 */
export function checkValue(spec: VariableSpec, value: string, options: { hideValue?: boolean } = {}): ValueProblem | undefined {
  if (value.length === 0) return undefined;
  const shown = options.hideValue ? 'the value' : valueText(value);
  return checkType(spec, value, shown) ?? checkConstraints(spec, value) ?? checkConvention(spec, value);
}

/** A failed check that is envls's advice becomes a warning that says so. */
function advised(spec: VariableSpec, check: AdviceCheck, problem: ValueProblem): ValueProblem {
  if (!spec.advice?.includes(check)) return problem;
  return { ...problem, message: `${problem.message} ${ADVICE_NOTE}`, severity: 'warning' };
}

/** A documented convention (e.g. a token prefix) that the value does not follow: a hint. */
function checkConvention(spec: VariableSpec, value: string): ValueProblem | undefined {
  const c = spec.constraints;
  // false only: a refused pattern or a value over the input cap is not tested.
  if (!c?.conventionalPattern || matchesPattern(c.conventionalPattern, value) !== false) return undefined;
  return { message: `${nameText(spec.name)} does not have the conventional form.${c.conventionalMessage ? ` ${sentencesWithin(c.conventionalMessage, WHY_MAX)}` : ''}`, severity: 'hint' };
}

function checkType(spec: VariableSpec, value: string, shown: string): ValueProblem | undefined {
  const found = typeProblem(spec, value, shown);
  if (!found) return undefined;
  const { check = 'type', ...problem } = found;
  return advised(spec, check, problem);
}

function typeProblem(spec: VariableSpec, value: string, shown: string): (ValueProblem & { check?: AdviceCheck }) | undefined {
  const name = nameText(spec.name);
  switch (spec.type) {
    case 'boolean': {
      if (parseBoolean(value, spec.boolean) !== undefined) return undefined;
      const { truthy, falsy } = booleanSpellings(spec.boolean);
      return {
        message: `${name} must be ${describeBooleanValues(spec.boolean)}; ${shown} is not a boolean this product reads.`,
        replacements: [truthy[0], falsy[0]].filter((v): v is string => v !== undefined),
      };
    }
    case 'integer':
    case 'port':
    case 'number': {
      const isNumber = spec.type === 'number' ? /^-?\d+(\.\d+)?$/.test(value) : /^-?\d+$/.test(value);
      if (!isNumber) return { message: `${name} must be ${spec.type === 'port' ? 'a port number' : `a${spec.type === 'integer' ? 'n integer' : ' number'}`}; ${shown} is not.` };
      const n = Number(value);
      const min = spec.minimum ?? (spec.type === 'port' ? 1 : undefined);
      const max = spec.maximum ?? (spec.type === 'port' ? 65535 : undefined);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        return { check: min !== undefined && n < min ? 'minimum' : 'maximum', message: `${name} must be between ${min ?? '-∞'} and ${max ?? '∞'}; ${shown} is out of range.` };
      }
      return undefined;
    }
    case 'enum': {
      const allowed = spec.values ?? [];
      const parts = spec.separator ? value.split(spec.separator).map((p) => p.trim()) : [value];
      const norm = (v: string) => (spec.caseInsensitive ? v.toLowerCase() : v);
      const bad = parts.filter((p) => !allowed.some((a) => norm(a) === norm(p)));
      if (bad.length === 0) return undefined;
      return {
        message: `${name} must be one of ${fewValues(allowed)}; ${shown === 'the value' ? shown : valueText(bad[0])} is not.`,
        replacements: spec.separator ? undefined : allowed,
      };
    }
    case 'url': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return { message: `${name} must be a URL${spec.schemes?.length ? ` (${spec.schemes.join(', ')})` : ''}; ${shown} is not.` };
      }
      const scheme = url.protocol.replace(/:$/, '');
      if (spec.schemes?.length && !spec.schemes.includes(scheme)) {
        return { message: `${name} must use ${spec.schemes.map((s) => `${s}://`).join(' or ')}, not ${scheme}://.` };
      }
      return undefined;
    }
    case 'json':
      try {
        JSON.parse(value);
        return undefined;
      } catch (error) {
        // Node's JSON.parse messages quote part of the text: keep only the position, never the value.
        const position = /position (\d+)/.exec((error as Error).message);
        return { message: `${name} must be valid JSON${position ? ` (the error is at character ${Number(position[1]) + 1})` : ''}.` };
      }
    case 'hostPort':
      return /^(\[[0-9a-fA-F:.]+\]|[^\s:/]+):\d{1,5}$/.test(value) ? undefined : { message: `${name} must be host:port; ${shown} is not.` };
    case 'duration':
      return /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^\d+$/.test(value) ? undefined : { message: `${name} must be a duration such as 30s, 5m or 1h30m; ${shown} is not.` };
    default:
      return undefined;
  }
}

function checkConstraints(spec: VariableSpec, value: string): ValueProblem | undefined {
  const c = spec.constraints;
  if (!c) return undefined;
  const name = nameText(spec.name);
  const why = c.message ? ` ${sentencesWithin(c.message, WHY_MAX)}` : '';
  if (c.noTrailingSlash && value.length > 1 && value.endsWith('/')) {
    return { message: `${name} must not end with a slash.${why}`, corrected: value.replace(/\/+$/, '') };
  }
  if (c.prefix && !value.startsWith(c.prefix)) return { message: `${name} must start with ${c.prefix}.${why}` };
  if (c.suffix && !value.endsWith(c.suffix)) {
    return { message: `${name} must end with ${c.suffix}.${why}`, corrected: value.replace(/\/+$/, '') + c.suffix };
  }
  // Secrets' lengths are insecureValue's business, not a type error.
  const isSecret = spec.sensitive || spec.type === 'secret';
  if (!isSecret && c.minLength !== undefined && value.length < c.minLength) return advised(spec, 'minLength', { message: `${name} must be at least ${c.minLength} characters long.${why}` });
  if (c.maxLength !== undefined && value.length > c.maxLength) return advised(spec, 'maxLength', { message: `${name} must be at most ${c.maxLength} characters long.${why}` });
  // false only: a refused pattern or a value over the input cap is not tested.
  if (c.pattern && matchesPattern(c.pattern, value) === false) {
    return advised(spec, 'pattern', { message: `${name} does not have the expected form.${why || ` It must match ${plainText(c.pattern).slice(0, 60)}.`}` });
  }
  if (c.notPattern && matchesPattern(c.notPattern, value) === true) {
    return { message: `${name} has a form the product does not accept.${why}` };
  }
  return undefined;
}
