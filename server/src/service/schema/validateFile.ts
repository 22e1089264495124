/**
 * Diagnoses a user's schema file (text) for the editor and the CLI: JSON syntax
 * errors with their offsets (jsonc-parser), format errors (ajv) placed on the
 * offending node, unsafe regular expressions. Comments and trailing commas are
 * reported too: schema files are plain JSON.
 */
// The ESM build: the package's main (UMD) build loads its parts with a dynamic
// require() that esbuild cannot follow, so a bundle of it fails at start-up.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { checkFormat } from './formatValidator';

/** A problem of a schema file, at offsets of its text (0, 0 when it concerns the whole file). */
export interface SchemaProblem {
  start: number;
  end: number;
  message: string;
}

export function validateSchemaText(text: string): { problems: SchemaProblem[]; json?: unknown } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => ({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `JSON syntax error: ${printParseErrorCode(e.error)}.` }));
    if (problems.length === 0) problems.push({ start: 0, end: Math.min(1, text.length), message: 'The file holds no JSON value.' });
    return { problems };
  }
  const json = valueOf(root);
  const problems = [...duplicateKeys(root), ...checkFormat(json).map((p) => ({ ...rangeOf(root, p.path), message: p.message }))];
  return { problems, json };
}

/** The range of the node at a JSON Pointer; for a missing node, its nearest existing parent's. */
function rangeOf(root: Node, pointer: string): { start: number; end: number } {
  const segments = pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = segments.length; n >= 0; n--) {
    const path = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = findNodeAtLocation(root, path);
    if (!node) continue;
    // Objects are long; point at their key instead when there is one.
    const target = node.type === 'object' && node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
    return { start: target.offset, end: target.offset + target.length };
  }
  return { start: root.offset, end: root.offset + 1 };
}

/** JSON.parse keeps the last of duplicate keys silently; an author should hear about it. */
function duplicateKeys(node: Node): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === 'string') {
        if (seen.has(key.value)) out.push({ start: key.offset, end: key.offset + key.length, message: `Duplicate key "${key.value}": only the last one counts.` });
        seen.add(key.value);
      }
    }
  }
  for (const child of node.children ?? []) out.push(...duplicateKeys(child));
  return out;
}

/** The value of a jsonc-parser tree (getNodeValue, without importing more API). */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // defineProperty: a "__proto__" key stays a plain key.
        if (key && value) Object.defineProperty(out, String(key.value), { value: valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}
