/**
 * PHP (tree-sitter-php): Laravel's `env('X'[, d])`, `getenv('X')`, `$_ENV['X']`, `$_SERVER['X']`.
 * A fallback is env's default or `… ?? d`. Assigning `$_ENV['X'] = v` is not a read.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { argumentsOf, isField, isLeftOf, namedChildren, nodeExactly, outermost, plainStringContent, textOf } from '../tree';

const ANCHOR = /\b(?:env|getenv|_ENV|_SERVER)\b/g;
const WRAPPERS = new Set(['parenthesized_expression']);
const COALESCE = new Set(['??']);
const STRINGS = new Set(['string', 'encapsed_string']);

export function phpReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ANCHOR)) {
    const word = match[0];
    const node = nodeExactly(root, match.index, match.index + word.length, 'name');
    if (!node) continue;
    if (word === 'env' || word === 'getenv') {
      // `\getenv(…)` is the same function.
      const callee = node.parent?.type === 'qualified_name' ? node.parent : node;
      const call = callee.parent;
      if (call?.type !== 'function_call_expression' || !isField(call, 'function', callee)) continue;
      if (callee !== node && textOf(text, callee).replace(/^\\/, '') !== word) continue;
      const args = argumentsOf(call.childForFieldName('arguments')).map(unwrapArgument);
      const name = args[0] && STRINGS.has(args[0].type) ? plainStringContent(args[0]) : undefined;
      if (name) out.add(name.start, name.end, (word === 'env' && args.length > 1) || isLeftOf(outermost(call, WRAPPERS), 'binary_expression', COALESCE));
    } else {
      const variable = node.parent;
      const subscript = variable?.parent;
      if (variable?.type !== 'variable_name' || subscript?.type !== 'subscript_expression') continue;
      const [object, index] = namedChildren(subscript);
      if (!object || object.startIndex !== variable.startIndex) continue;
      const name = index && STRINGS.has(index.type) ? plainStringContent(index) : undefined;
      if (name && !isWritten(subscript)) out.add(name.start, name.end, isLeftOf(outermost(subscript, WRAPPERS), 'binary_expression', COALESCE));
    }
  }
}

function unwrapArgument(node: SyntaxNode): SyntaxNode {
  return node.type === 'argument' ? (namedChildren(node).at(-1) ?? node) : node;
}

function isWritten(subscript: SyntaxNode): boolean {
  const parent = subscript.parent;
  return !!parent && (parent.type === 'assignment_expression' || parent.type === 'augmented_assignment_expression') && isField(parent, 'left', subscript);
}
