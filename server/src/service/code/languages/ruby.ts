/**
 * Ruby (tree-sitter-ruby): `ENV['X']`, `ENV.fetch('X')`, `ENV.fetch('X', d)`, `ENV.fetch('X') { d }`.
 * A fallback is fetch's default or block, or `ENV['X'] || d`. `ENV['X'] = v` is not a read.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { argumentsOf, isField, isLeftOf, namedChildren, nodeExactly, outermost, plainStringContent, textOf } from '../tree';

const ANCHOR = /\bENV\b/g;
const WRAPPERS = new Set(['parenthesized_statements']);
const OR = new Set(['||', 'or']);

export function rubyReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ANCHOR)) {
    let env: SyntaxNode | undefined = nodeExactly(root, match.index, match.index + 3, 'constant');
    if (!env) continue;
    // `::ENV` is the same object.
    if (env.parent?.type === 'scope_resolution' && isField(env.parent, 'name', env) && !env.parent.childForFieldName('scope')) env = env.parent;
    const parent = env.parent;
    if (parent?.type === 'element_reference' && isField(parent, 'object', env)) {
      const key = namedChildren(parent).filter((n) => n.type !== 'comment')[1];
      const name = key?.type === 'string' ? plainStringContent(key) : undefined;
      if (name && !isWritten(parent)) out.add(name.start, name.end, isLeftOf(outermost(parent, WRAPPERS), 'binary', OR));
    } else if (parent?.type === 'call' && isField(parent, 'receiver', env)) {
      const method = parent.childForFieldName('method');
      if (!method || textOf(text, method) !== 'fetch') continue;
      const args = argumentsOf(parent.childForFieldName('arguments'));
      const name = args[0]?.type === 'string' ? plainStringContent(args[0]) : undefined;
      if (name) out.add(name.start, name.end, args.length > 1 || !!parent.childForFieldName('block') || isLeftOf(outermost(parent, WRAPPERS), 'binary', OR));
    }
  }
}

function isWritten(reference: SyntaxNode): boolean {
  const parent = reference.parent;
  return !!parent && (parent.type === 'assignment' || parent.type === 'operator_assignment') && isField(parent, 'left', reference);
}
