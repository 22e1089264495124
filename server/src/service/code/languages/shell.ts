/**
 * Shell scripts (tree-sitter-bash): `$X`, `${X}`, `${X:-d}` and the other parameter expansions.
 * Not reads: positional and special parameters (`$1`, `$@`, `$?`, `$_` …, which are not names),
 * anything in a comment or single quotes, and a variable the script assigns itself (`X=…`,
 * `for X in`, `local X`, `export X=…`) once that assignment is done: reads after the first
 * assignment of a name are the script's own variable, reads before it or inside it
 * (`X="${X:-default}"`) come from the environment.
 * A fallback is `${X:-d}`, `${X-d}`, `${X:=d}`, `${X=d}`, `${X:+a}`, `${X+a}` (the script copes with
 * unset); `${X:?msg}` demands the variable.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { namedChildren, nodeExactly, textOf } from '../tree';

const EXPANSION = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;
const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)\+?=/g;
const LOOP_VARIABLE = /\bfor\s+([A-Za-z_][A-Za-z0-9_]*)/g;
/** `local X`, `declare X`, `typeset X` (no value: an empty local) and `read X`; `export X` alone only marks X. */
const DECLARATION = /\b(?:local|declare|typeset|read)\b/g;
const FALLBACK_OPERATORS = new Set([':-', '-', ':=', '=', ':+', '+']);

export function shellReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  const assignedUntil = firstAssignments(root, text);
  for (const match of text.matchAll(EXPANSION)) {
    const name = match[1];
    if (name === '_') continue;
    const start = match.index + match[0].length - name.length;
    const node = nodeExactly(root, start, start + name.length, 'variable_name');
    const expansion = node?.parent;
    if (!node || (expansion?.type !== 'simple_expansion' && expansion?.type !== 'expansion')) continue;
    const until = assignedUntil.get(name);
    if (until !== undefined && start >= until) continue;
    out.add(start, start + name.length, expansion.type === 'expansion' && FALLBACK_OPERATORS.has(operatorAfter(expansion, node)));
  }
}

/** Per name the script assigns, the end of its first assignment. */
function firstAssignments(root: SyntaxNode, text: string): Map<string, number> {
  const ends = new Map<string, number>();
  const assigned = (name: string, end: number) => {
    const known = ends.get(name);
    if (known === undefined || end < known) ends.set(name, end);
  };
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[1];
    const node = nodeExactly(root, match.index, match.index + name.length, 'variable_name');
    // Set once its value is computed: a read inside the value still comes from the environment.
    if (node?.parent?.type === 'variable_assignment') assigned(name, node.parent.endIndex);
  }
  for (const match of text.matchAll(LOOP_VARIABLE)) {
    const start = match.index + match[0].length - match[1].length;
    const node = nodeExactly(root, start, start + match[1].length, 'variable_name');
    if (node?.parent?.type === 'for_statement') assigned(match[1], node.endIndex);
  }
  for (const match of text.matchAll(DECLARATION)) {
    const keyword = root.descendantForIndex(match.index, match.index + match[0].length);
    const parent = keyword?.parent;
    if (!keyword || !parent || keyword.startIndex !== match.index || keyword.endIndex !== match.index + match[0].length) continue;
    if (keyword.type === match[0] && parent.type === 'declaration_command') {
      for (const child of namedChildren(parent)) if (child.type === 'variable_name') assigned(textOf(text, child), parent.endIndex);
    } else if (match[0] === 'read' && parent.type === 'command_name' && parent.parent?.type === 'command') {
      const command = parent.parent;
      for (const child of namedChildren(command)) {
        const word = textOf(text, child);
        if (child.type === 'word' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) assigned(word, command.endIndex);
      }
    }
  }
  return ends;
}

function operatorAfter(expansion: SyntaxNode, name: SyntaxNode): string {
  for (let i = 0; i < expansion.childCount; i++) {
    const child = expansion.child(i)!;
    if (child.startIndex >= name.endIndex && !child.isNamed) return child.type;
  }
  return '';
}
