/** Whether a value may be shown: never for a sensitive variable, nor for a name that looks like one. */
import type { SchemaSet } from './schema/schemaSet';

const SECRET_LOOKING = /(SECRET|PASSWORD|PASSWD|PASS$|TOKEN|PRIVATE|API_KEY|APIKEY|CREDENTIAL|_KEY$|^KEY$|DSN|COOKIE|SALT)/i;

export function isSensitiveName(name: string, schemaSet: SchemaSet): boolean {
  const spec = schemaSet.lookup(name)?.spec;
  if (spec) return spec.sensitive === true || spec.type === 'secret';
  return SECRET_LOOKING.test(name);
}

export function maskedValue(name: string, value: string, schemaSet: SchemaSet): string {
  if (isSensitiveName(name, schemaSet)) return value.length === 0 ? '(empty)' : '•••••••• (hidden: sensitive)';
  return value;
}
