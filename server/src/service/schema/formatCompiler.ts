/**
 * The JSON Schema validator of envls's schema format (ajv, draft-07), compiled from
 * schemas/envls-schema.schema.json. A module of its own, required by ./formatValidator.ts on
 * first use: the build makes it a file beside the bundles (dist/schema-format.js, with ajv and
 * the format's JSON Schema), so a server without user schema files never parses either.
 */
import type { default as AjvClass, ValidateFunction } from 'ajv';
import formatSchema from '../../../../schemas/envls-schema.schema.json';

export function compileFormatValidator(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // Only `uri` is used; a loose check is enough (ajv-formats is not a dependency).
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  return ajv.compile(formatSchema);
}
