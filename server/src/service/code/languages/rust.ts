/**
 * Rust (tree-sitter-rust): `env::var("X")`, `std::env::var("X")`, `env::var_os("X")`, `env!("X")`,
 * `option_env!("X")`. A fallback is option_env! (an Option), or a method on the result that supplies a
 * value or tests presence (`.unwrap_or(…)`, `.unwrap_or_else`, `.unwrap_or_default()`, `.is_ok()` …).
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { argumentsOf, isField, namedChildren, nodeExactly, plainStringContent, textOf } from '../tree';

const ANCHOR = /\b(?:var|var_os|env|option_env)\b/g;
const FALLBACK_METHODS = new Set(['unwrap_or', 'unwrap_or_else', 'unwrap_or_default', 'map_or', 'map_or_else', 'is_ok', 'is_err', 'is_some', 'is_none', 'or', 'or_else']);

export function rustReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ANCHOR)) {
    const word = match[0];
    const node = nodeExactly(root, match.index, match.index + word.length, 'identifier');
    if (!node) continue;
    if (word === 'var' || word === 'var_os') {
      const path = node.parent;
      if (path?.type !== 'scoped_identifier' || !isField(path, 'name', node)) continue;
      const module = path.childForFieldName('path');
      if (!module || !/^(?:(?:::)?std::)?env$/.test(textOf(text, module).replace(/\s+/g, ''))) continue;
      const call = path.parent;
      if (call?.type !== 'call_expression' || !isField(call, 'function', path)) continue;
      const first = argumentsOf(call.childForFieldName('arguments'))[0];
      const name = first?.type === 'string_literal' ? plainStringContent(first) : undefined;
      if (name) out.add(name.start, name.end, fallbackMethod(call, text));
    } else {
      const macroName = node.parent?.type === 'scoped_identifier' && isField(node.parent, 'name', node) ? node.parent : node;
      const macro = macroName.parent;
      if (macro?.type !== 'macro_invocation' || !isField(macro, 'macro', macroName)) continue;
      const tokens = namedChildren(macro).find((n) => n.type === 'token_tree');
      const first = tokens ? namedChildren(tokens)[0] : undefined;
      const name = first?.type === 'string_literal' ? plainStringContent(first) : undefined;
      if (name) out.add(name.start, name.end, word === 'option_env');
    }
  }
}

/** `call.method(…)` with a method that supplies a value or tests presence. */
function fallbackMethod(call: SyntaxNode, text: string): boolean {
  const field = call.parent;
  if (field?.type !== 'field_expression' || !isField(field, 'value', call)) return false;
  const method = field.childForFieldName('field');
  return !!method && FALLBACK_METHODS.has(textOf(text, method));
}
