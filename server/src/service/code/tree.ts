/** Small questions asked of syntax trees by every language's reader. */
import type { SyntaxNode } from './syntax';

/** web-tree-sitter builds a new object per node access: nodes are compared by what they cover. */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** The node that covers exactly [start, end) with the given type, or undefined. */
export function nodeExactly(root: SyntaxNode, start: number, end: number, type: string): SyntaxNode | undefined {
  let node = root.descendantForIndex(start, end);
  // descendantForIndex answers the smallest node; a named node may wrap an anonymous one of the same span.
  while (node && node.startIndex === start && node.endIndex === end) {
    if (node.type === type) return node;
    node = node.parent;
  }
  return undefined;
}

export function isField(parent: SyntaxNode | null, field: string, child: SyntaxNode): parent is SyntaxNode {
  return !!parent && sameNode(parent.childForFieldName(field), child);
}

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child?.isNamed) out.push(child);
  }
  return out;
}

export function textOf(text: string, node: SyntaxNode): string {
  return text.slice(node.startIndex, node.endIndex);
}

/** The operator of a binary expression: its first anonymous child between the operands. */
export function operatorOf(node: SyntaxNode): string | undefined {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && !child.isNamed) return child.type;
  }
  return undefined;
}

/** Climbs through wrappers that do not change the value (parentheses, TypeScript's `!` and `as`). */
export function outermost(node: SyntaxNode, wrappers: ReadonlySet<string>): SyntaxNode {
  let current = node;
  while (current.parent && wrappers.has(current.parent.type)) current = current.parent;
  return current;
}

/** True when `node` is the left operand of a binary expression whose operator is one of `operators`. */
export function isLeftOf(node: SyntaxNode, binaryType: string, operators: ReadonlySet<string>): boolean {
  const parent = node.parent;
  if (parent?.type !== binaryType || !isField(parent, 'left', node)) return false;
  const operator = parent.childForFieldName('operator');
  return operators.has(operator ? operator.type : operatorOf(parent) ?? '');
}

const STRING_CONTENT = new Set(['string_fragment', 'string_content', 'interpreted_string_literal_content', 'raw_string_literal_content']);
const STRING_DELIMITERS = new Set(['string_start', 'string_end']);

/**
 * The span of a string literal's text when it is one plain piece: no interpolation, no escape
 * sequence (then the name is exactly what the program asks for, and a rename may rewrite it).
 */
export function plainStringContent(node: SyntaxNode | null | undefined): { start: number; end: number } | undefined {
  if (!node) return undefined;
  let content: SyntaxNode | undefined;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)!;
    if (!child.isNamed || STRING_DELIMITERS.has(child.type)) continue;
    if (!STRING_CONTENT.has(child.type) || content) return undefined;
    content = child;
  }
  if (!content || content.endIndex === content.startIndex) return undefined;
  return { start: content.startIndex, end: content.endIndex };
}

/** Named children that are not comments. */
export function argumentsOf(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  return namedChildren(node).filter((child) => !child.type.includes('comment'));
}
