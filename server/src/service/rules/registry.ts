/** Every rule envls has, declared once. Codes are a public contract: never rename one. */
import type { Rule } from './rule';
import { syntaxError } from './core/syntaxError';
import { duplicateKey } from './core/duplicateKey';
import { STYLE_RULES } from './style/index';

export const ALL_RULES: readonly Rule[] = [syntaxError, duplicateKey, ...STYLE_RULES];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.code, rule]));
