/**
 * The one question cloaking asks of sensitivity: may this variable's value be shown on screen?
 * ./sensitivity.ts decides (schema, secret-looking name, or a credential the value embeds); a value
 * sensitive only by what it embeds is cloaked whole on screen, where hover shows it redacted.
 */
import type { SchemaSet } from './schema/schemaSet';
import { isSensitive } from './sensitivity';

export function isSensitiveValue(name: string, value: string, schemaSet: SchemaSet): boolean {
  return isSensitive(name, value, schemaSet);
}
