/**
 * What a value means for a variable of a schema: booleans in each runtime's
 * spelling, conditions between variables, and whether a value is valid.
 */
import type { BooleanFlavor, Condition, VariableSpec } from './types';

const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const GO_FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
const DJANGO_TRUE = ['true', 'on', 'ok', 'y', 'yes', '1'];
const DJANGO_FALSE = ['false', 'off', 'n', 'no', '0', ''];

/** Spellings offered in completion, canonical ones first. */
export function booleanSpellings(flavor: BooleanFlavor | undefined): { truthy: string[]; falsy: string[] } {
  if (Array.isArray(flavor)) {
    const falsy = flavor.filter((v) => /^(false|0|no|off|n|f)$/i.test(v));
    return { truthy: flavor.filter((v) => !falsy.includes(v)), falsy };
  }
  switch (flavor) {
    case 'go':
      return { truthy: ['true', ...GO_TRUE.filter((v) => v !== 'true')], falsy: ['false', ...GO_FALSE.filter((v) => v !== 'false')] };
    case 'django':
      return { truthy: DJANGO_TRUE, falsy: DJANGO_FALSE.filter((v) => v !== '') };
    case 'js':
      return { truthy: ['true'], falsy: ['false'] };
    case 'any':
      return { truthy: ['true', '1'], falsy: [] };
    default:
      return { truthy: ['true'], falsy: ['false'] };
  }
}

/** undefined: not a boolean this runtime reads. */
export function parseBoolean(value: string, flavor: BooleanFlavor | undefined): boolean | undefined {
  if (Array.isArray(flavor)) {
    const { truthy, falsy } = booleanSpellings(flavor);
    return truthy.includes(value) ? true : falsy.includes(value) ? false : undefined;
  }
  switch (flavor) {
    case 'go':
      return GO_TRUE.includes(value) ? true : GO_FALSE.includes(value) ? false : undefined;
    case 'django': {
      const lower = value.toLowerCase();
      return DJANGO_TRUE.includes(lower) ? true : DJANGO_FALSE.includes(lower) ? false : undefined;
    }
    case 'any':
      return value.length > 0;
    case 'js':
      return value === 'true' ? true : value === 'false' ? false : undefined;
    default: {
      const lower = value.toLowerCase();
      return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : undefined;
    }
  }
}

export type ValueLookup = (name: string) => { value: string; spec?: VariableSpec } | undefined;

export function conditionHolds(condition: Condition, lookup: ValueLookup): boolean {
  const found = lookup(condition.variable);
  if (condition.isSet) return !!found && found.value.length > 0;
  if (!found) return false;
  if (condition.equals) return condition.equals.some((v) => v.toLowerCase() === found.value.toLowerCase());
  if (condition.truthy !== undefined) return parseBoolean(found.value, found.spec?.boolean ?? 'go') === condition.truthy;
  return found.value.length > 0;
}

export function describeCondition(condition: Condition): string {
  if (condition.isSet) return `${condition.variable} is set`;
  if (condition.equals) return `${condition.variable} is ${condition.equals.join(' or ')}`;
  if (condition.truthy !== undefined) return `${condition.variable} is ${condition.truthy ? 'true' : 'false'}`;
  return `${condition.variable} is set`;
}

/** The canonical pair of a boolean flavor ("true or false"), for messages, hover and completion order. */
export function canonicalBooleans(flavor: BooleanFlavor | undefined): string[] {
  const { truthy, falsy } = booleanSpellings(flavor);
  return [truthy[0], falsy[0]].filter((v): v is string => v !== undefined);
}

/** "a, b, c or 8 more": at most `shown` values, in plain text (the Problems panel shows no markdown). */
export function fewValues(values: readonly string[], shown = 4, quote = (v: string) => v): string {
  if (values.length <= shown + 1) {
    const all = values.map(quote);
    return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
  }
  return `${values.slice(0, shown).map(quote).join(', ')} or ${values.length - shown} more`;
}

/** The values a boolean accepts, canonical pair first: "true or false". */
export function describeBooleanValues(flavor: BooleanFlavor | undefined): string {
  if (flavor === 'any') return 'any value enables it';
  return canonicalBooleans(flavor).join(' or ');
}

/** Human words for a variable's type, short, for hover headings and completion details. */
export function describeType(spec: VariableSpec): string {
  switch (spec.type) {
    case 'url':
      return spec.schemes?.length ? `URL (${spec.schemes.join(', ')})` : 'URL';
    case 'boolean':
      return spec.boolean === 'any' ? 'flag (any value enables it)' : `boolean (${describeBooleanValues(spec.boolean)})`;
    case 'integer':
    case 'number': {
      const range = spec.minimum !== undefined || spec.maximum !== undefined ? ` ${spec.minimum ?? '…'}–${spec.maximum ?? '…'}` : '';
      return `${spec.type}${range}`;
    }
    case 'enum':
      return `one of ${fewValues(spec.values ?? [])}${spec.separator ? ` (several, separated by ${spec.separator})` : ''}`;
    case 'hostPort':
      return 'host:port';
    default:
      return spec.type;
  }
}
