/**
 * JavaScript, TypeScript, JSX and TSX (tree-sitter-javascript / -typescript / -tsx):
 * `process.env.X`, `process.env['X']`, `const { X, Y: y = 'd' } = process.env`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get('X')`. A fallback is `?? d`, `|| d` or a destructuring default.
 * Assigning (`process.env.X = …`) and deleting are not reads.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { isField, isLeftOf, namedChildren, nodeExactly, outermost, plainStringContent, textOf } from '../tree';

const ENV_WORD = /\benv\b/g;
const ENV_OWNERS = new Set(['process', 'Bun', 'Deno', 'import.meta']);
const VALUE_WRAPPERS = new Set(['parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression', 'type_assertion']);
const FALLBACK_OPERATORS = new Set(['??', '||']);

export function javascriptReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ENV_WORD)) {
    const env = nodeExactly(root, match.index, match.index + 3, 'property_identifier');
    const envObject = env?.parent;
    if (!env || envObject?.type !== 'member_expression' || !isField(envObject, 'property', env)) continue;
    const owner = envObject.childForFieldName('object');
    const ownerName = owner ? textOf(text, owner).replace(/\s+/g, '') : '';
    if (!ENV_OWNERS.has(ownerName)) continue;
    readFrom(envObject, ownerName === 'Deno', out);
  }
}

function readFrom(envObject: SyntaxNode, deno: boolean, out: ReadCollector): void {
  const outer = outermost(envObject, VALUE_WRAPPERS);
  const parent = outer.parent;
  if (!parent) return;
  if (parent.type === 'member_expression' && isField(parent, 'object', outer)) {
    const property = parent.childForFieldName('property');
    if (!property) return;
    if (deno) {
      const call = parent.parent;
      if (textOf(out.text, property) !== 'get' || call?.type !== 'call_expression' || !isField(call, 'function', parent)) return;
      const first = namedChildren(call.childForFieldName('arguments') ?? call).find((n) => n.type !== 'comment');
      const name = plainStringContent(first?.type === 'string' || first?.type === 'template_string' ? first : undefined);
      if (name) out.add(name.start, name.end, hasFallback(call));
      return;
    }
    if (property.type === 'property_identifier' && !isWritten(parent)) out.add(property.startIndex, property.endIndex, hasFallback(parent));
    return;
  }
  if (deno) return;
  if (parent.type === 'subscript_expression' && isField(parent, 'object', outer)) {
    const index = parent.childForFieldName('index');
    const name = plainStringContent(index?.type === 'string' || index?.type === 'template_string' ? index : undefined);
    if (name && !isWritten(parent)) out.add(name.start, name.end, hasFallback(parent));
    return;
  }
  if (parent.type === 'variable_declarator' && isField(parent, 'value', outer)) {
    destructured(parent.childForFieldName('name'), out);
    return;
  }
  if (parent.type === 'assignment_expression' && isField(parent, 'right', outer)) {
    let left = parent.childForFieldName('left');
    while (left?.type === 'parenthesized_expression') left = namedChildren(left)[0];
    destructured(left, out);
  }
}

/** `{ X, Y: y = 'd', Z = 'e', ...rest }` read from an env object. */
function destructured(pattern: SyntaxNode | null | undefined, out: ReadCollector): void {
  if (pattern?.type !== 'object_pattern') return;
  for (const item of namedChildren(pattern)) {
    if (item.type === 'shorthand_property_identifier_pattern') out.add(item.startIndex, item.endIndex, false);
    else if (item.type === 'object_assignment_pattern') {
      const left = item.childForFieldName('left');
      if (left?.type === 'shorthand_property_identifier_pattern') out.add(left.startIndex, left.endIndex, true);
    } else if (item.type === 'pair_pattern') {
      const key = item.childForFieldName('key');
      const withDefault = item.childForFieldName('value')?.type === 'assignment_pattern';
      if (key?.type === 'property_identifier') out.add(key.startIndex, key.endIndex, withDefault);
      else if (key?.type === 'string') {
        const name = plainStringContent(key);
        if (name) out.add(name.start, name.end, withDefault);
      }
    }
  }
}

function hasFallback(expression: SyntaxNode): boolean {
  return isLeftOf(outermost(expression, VALUE_WRAPPERS), 'binary_expression', FALLBACK_OPERATORS);
}

/** `process.env.X = v`, `process.env.X ??= v`, `delete process.env.X`: the program writes, it does not read. */
function isWritten(expression: SyntaxNode): boolean {
  const outer = outermost(expression, VALUE_WRAPPERS);
  const parent = outer.parent;
  if (!parent) return false;
  if ((parent.type === 'assignment_expression' || parent.type === 'augmented_assignment_expression') && isField(parent, 'left', outer)) return true;
  return parent.type === 'unary_expression' && parent.child(0)?.type === 'delete';
}
