/**
 * The one question cloaking asks of sensitivity: may this variable's value be shown on screen?
 * Kept apart (and tiny) so that it follows whatever ./sensitivity.ts decides.
 */
import type { SchemaSet } from './schema/schemaSet';
import { isSensitiveName } from './sensitivity';

/** `scheme://user:password@host`: a credential inside a URL, whatever the variable is called. */
const URL_CREDENTIAL = /[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:[^\s/?#@]+@/i;

export function isSensitiveValue(name: string, value: string, schemaSet: SchemaSet): boolean {
  return isSensitiveName(name, schemaSet) || URL_CREDENTIAL.test(value);
}
