/** Every rule envls has, declared once. Codes are a public contract: never rename one. */
import type { CodeDeclaration, Rule } from './rule';
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
import { shadowedVariable } from './project/shadowedVariable';
import { missingExampleVariable } from './project/missingExampleVariable';
import { undocumentedVariable } from './project/undocumentedVariable';
import { notGitignored } from './project/notGitignored';
import { unusedVariable } from './code/unusedVariable';
import { unsetVariable } from './code/unsetVariable';
import { OTHER_CODES } from './otherCodes';

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
  shadowedVariable,
  missingExampleVariable,
  undocumentedVariable,
  notGitignored,
  unusedVariable,
  ...STYLE_RULES,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.code, rule]));

/** Codes reported on code files (their checks are in service/code/), configurable like the rules. */
export const CODE_FILE_CODES: readonly CodeDeclaration[] = [unsetVariable];

/** Every code envls emits: the rules, the code files' codes, then internalError and invalidSchema. */
export const ALL_CODES: readonly CodeDeclaration[] = [...ALL_RULES, ...CODE_FILE_CODES, ...OTHER_CODES];

export const CODES_BY_CODE: ReadonlyMap<string, CodeDeclaration> = new Map(ALL_CODES.map((decl) => [decl.code, decl]));

/** Whether fix-all may apply the safe fixes of diagnostics with this code (unknown codes: no). */
export function fixAllAllowed(code: unknown): boolean {
  return typeof code === 'string' && CODES_BY_CODE.get(code)?.fixAll === true;
}
