/** Whether a value fits its variable's declared type and constraints (invalidValue). */
import { booleanSpellings, parseBoolean } from './values';
import type { VariableSpec } from './types';
import { matchesPattern } from './safeRegex';

export interface ValueProblem {
  message: string;
  /** Values that would be valid, for quick fixes (enum members, boolean spellings). */
  replacements?: string[];
  /** An edit of the value that fixes it for sure (e.g. trailing slash removed). */
  corrected?: string;
}

export function checkValue(spec: VariableSpec, value: string): ValueProblem | undefined {
  if (value.length === 0) return undefined;
  return checkType(spec, value) ?? checkConstraints(spec, value);
}

function checkType(spec: VariableSpec, value: string): ValueProblem | undefined {
  const name = spec.name;
  switch (spec.type) {
    case 'boolean': {
      if (parseBoolean(value, spec.boolean) !== undefined) return undefined;
      const { truthy, falsy } = booleanSpellings(spec.boolean);
      return {
        message: `${name} must be a boolean this product reads (${[...truthy, ...falsy].map((v) => `\`${v}\``).join(', ')}); \`${value}\` is not one.`,
        replacements: [truthy[0], falsy[0]].filter((v): v is string => v !== undefined),
      };
    }
    case 'integer':
    case 'port':
    case 'number': {
      const isNumber = spec.type === 'number' ? /^-?\d+(\.\d+)?$/.test(value) : /^-?\d+$/.test(value);
      if (!isNumber) return { message: `${name} must be ${spec.type === 'port' ? 'a port number' : `a${spec.type === 'integer' ? 'n integer' : ' number'}`}; \`${value}\` is not.` };
      const n = Number(value);
      const min = spec.minimum ?? (spec.type === 'port' ? 1 : undefined);
      const max = spec.maximum ?? (spec.type === 'port' ? 65535 : undefined);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        return { message: `${name} must be between ${min ?? '-∞'} and ${max ?? '∞'}; ${value} is out of range.` };
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
        message: `${name} must be one of ${allowed.map((v) => `\`${v}\``).join(', ')}; \`${bad[0]}\` is not.`,
        replacements: spec.separator ? undefined : allowed,
      };
    }
    case 'url': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return { message: `${name} must be a URL${spec.schemes?.length ? ` (${spec.schemes.join(', ')})` : ''}; \`${value}\` is not.` };
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
      return /^(\[[0-9a-fA-F:.]+\]|[^\s:/]+):\d{1,5}$/.test(value) ? undefined : { message: `${name} must be host:port; \`${value}\` is not.` };
    case 'duration':
      return /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^\d+$/.test(value) ? undefined : { message: `${name} must be a duration such as 30s, 5m or 1h30m; \`${value}\` is not.` };
    default:
      return undefined;
  }
}

function checkConstraints(spec: VariableSpec, value: string): ValueProblem | undefined {
  const c = spec.constraints;
  if (!c) return undefined;
  const name = spec.name;
  const why = c.message ? ` ${c.message}` : '';
  if (c.noTrailingSlash && value.length > 1 && value.endsWith('/')) {
    return { message: `${name} must not end with a slash.${why}`, corrected: value.replace(/\/+$/, '') };
  }
  if (c.prefix && !value.startsWith(c.prefix)) return { message: `${name} must start with \`${c.prefix}\`.${why}` };
  if (c.suffix && !value.endsWith(c.suffix)) {
    return { message: `${name} must end with \`${c.suffix}\`.${why}`, corrected: value.replace(/\/+$/, '') + c.suffix };
  }
  // Secrets' lengths are insecureValue's business, not a type error.
  const isSecret = spec.sensitive || spec.type === 'secret';
  if (!isSecret && c.minLength !== undefined && value.length < c.minLength) return { message: `${name} must be at least ${c.minLength} characters long.${why}` };
  if (c.maxLength !== undefined && value.length > c.maxLength) return { message: `${name} must be at most ${c.maxLength} characters long.${why}` };
  // false only: a refused pattern or a value over the input cap is not tested.
  if (c.pattern && matchesPattern(c.pattern, value) === false) {
    return { message: `${name} does not have the expected form.${why || ` It must match ${c.pattern}.`}` };
  }
  return undefined;
}
