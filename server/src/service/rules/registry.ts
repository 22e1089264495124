/** Every rule envls has, declared once. Codes are a public contract: never rename one. */
import type { Rule } from './rule';
import { syntaxError } from './core/syntaxError';
import { duplicateKey } from './core/duplicateKey';
import { undefinedReference } from './core/undefinedReference';
import { unknownSchema } from './core/unknownSchema';
import { insecureValue } from './schema/insecureValue';
import { missingRequired } from './schema/missingRequired';
import { aliasConflict } from './schema/aliasConflict';
import { legacyName } from './schema/legacyName';
import { deprecatedVariable } from './schema/deprecatedVariable';
import { invalidValue } from './schema/invalidValue';
import { unknownVariable } from './schema/unknownVariable';
import { STYLE_RULES } from './style/index';

export const ALL_RULES: readonly Rule[] = [
  syntaxError,
  duplicateKey,
  undefinedReference,
  unknownSchema,
  missingRequired,
  aliasConflict,
  legacyName,
  deprecatedVariable,
  invalidValue,
  unknownVariable,
  insecureValue,
  ...STYLE_RULES,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.code, rule]));
