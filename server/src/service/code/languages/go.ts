/**
 * Go (tree-sitter-go): `os.Getenv("X")`, `os.LookupEnv("X")`. LookupEnv tells the caller whether the
 * variable is set, so the caller handles absence: it counts as a fallback.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { argumentsOf, isField, nodeExactly, plainStringContent, textOf } from '../tree';

const ANCHOR = /\b(?:Getenv|LookupEnv)\b/g;
const STRINGS = new Set(['interpreted_string_literal', 'raw_string_literal']);

export function goReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ANCHOR)) {
    const field = nodeExactly(root, match.index, match.index + match[0].length, 'field_identifier');
    const selector = field?.parent;
    if (!field || selector?.type !== 'selector_expression' || !isField(selector, 'field', field)) continue;
    const operand = selector.childForFieldName('operand');
    if (!operand || textOf(text, operand) !== 'os') continue;
    const call = selector.parent;
    if (call?.type !== 'call_expression' || !isField(call, 'function', selector)) continue;
    const first = argumentsOf(call.childForFieldName('arguments'))[0];
    const name = first && STRINGS.has(first.type) ? plainStringContent(first) : undefined;
    if (name) out.add(name.start, name.end, match[0] === 'LookupEnv');
  }
}
