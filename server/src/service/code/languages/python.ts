/**
 * Python (tree-sitter-python): `os.environ['X']`, `os.environ.get('X'[, d])`, `os.getenv('X'[, d])`,
 * `environ[...]` / `environ.get` / `getenv` imported from os, and django-environ's `env('X', default=…)`,
 * `env.str('X')`, `env.bool(…)`…. A fallback is a default argument (second positional or `default=`),
 * or `… or d` after a call that returns None when unset. `os.environ['X'] = v` and `del` are not reads.
 */
import type { ReadCollector } from '../collect';
import type { SyntaxNode } from '../syntax';
import { argumentsOf, isField, isLeftOf, nodeExactly, outermost, plainStringContent, textOf } from '../tree';

const ANCHOR = /\b(?:environ|getenv|env)\b/g;
const WRAPPERS = new Set(['parenthesized_expression']);
const OR = new Set(['or']);
/** django-environ's typed readers (Env's methods that take a variable name first). */
const DJANGO_ENVIRON_METHODS = new Set([
  'str', 'bool', 'int', 'float', 'json', 'list', 'tuple', 'dict', 'url', 'db_url', 'db', 'cache_url', 'cache',
  'email_url', 'email', 'search_url', 'queue_url', 'queue', 'path', 'bytes', 'parse_value', 'get_value',
]);

export function pythonReads(root: SyntaxNode, out: ReadCollector): void {
  const { text } = out;
  for (const match of text.matchAll(ANCHOR)) {
    const word = match[0];
    const node = nodeExactly(root, match.index, match.index + word.length, 'identifier');
    if (!node) continue;
    const parent = node.parent;
    if (word === 'environ') {
      // `os.environ`, or `environ` imported from os (then it is not anyone's attribute).
      if (parent?.type === 'attribute' && isField(parent, 'attribute', node)) {
        const object = parent.childForFieldName('object');
        if (object && textOf(text, object) === 'os') environReads(parent, out);
      } else environReads(node, out);
    } else if (word === 'getenv') {
      if (parent?.type === 'attribute' && isField(parent, 'attribute', node)) {
        const object = parent.childForFieldName('object');
        if (object && textOf(text, object) === 'os') callRead(parent, out);
      } else callRead(node, out);
    } else {
      // django-environ: `env('X')` or `env.str('X')`, `env` being an environ.Env().
      if (parent?.type === 'attribute' && isField(parent, 'object', node)) {
        const method = parent.childForFieldName('attribute');
        if (method && DJANGO_ENVIRON_METHODS.has(textOf(text, method))) callRead(parent, out);
      } else callRead(node, out);
    }
  }
}

function environReads(environ: SyntaxNode, out: ReadCollector): void {
  const parent = environ.parent;
  if (parent?.type === 'subscript' && isField(parent, 'value', environ)) {
    const name = plainStringContent(stringNode(parent.childForFieldName('subscript')));
    if (name && !isWritten(parent)) out.add(name.start, name.end, false);
  } else if (parent?.type === 'attribute' && isField(parent, 'object', environ)) {
    const method = parent.childForFieldName('attribute');
    if (method && textOf(out.text, method) === 'get') callRead(parent, out);
  }
}

/** `function('X', default)` where `function` is the given node. */
function callRead(callee: SyntaxNode, out: ReadCollector): void {
  const call = callee.parent;
  if (call?.type !== 'call' || !isField(call, 'function', callee)) return;
  const args = argumentsOf(call.childForFieldName('arguments'));
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const name = plainStringContent(stringNode(positional[0]));
  if (!name || !args.length || !sameStart(args[0], positional[0])) return;
  const hasDefault = positional.length > 1 || args.some((a) => a.type === 'keyword_argument' && textOf(out.text, a.childForFieldName('name') ?? a) === 'default');
  out.add(name.start, name.end, hasDefault || isLeftOf(outermost(call, WRAPPERS), 'boolean_operator', OR));
}

function sameStart(a: SyntaxNode, b: SyntaxNode | undefined): boolean {
  return !!b && a.startIndex === b.startIndex;
}

function stringNode(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  return node?.type === 'string' ? node : undefined;
}

function isWritten(subscript: SyntaxNode): boolean {
  const parent = outermost(subscript, WRAPPERS).parent;
  if (!parent) return false;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && isField(parent, 'left', outermost(subscript, WRAPPERS))) return true;
  return parent.type === 'delete_statement' || (parent.type === 'expression_list' && parent.parent?.type === 'delete_statement');
}
