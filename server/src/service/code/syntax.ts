/**
 * The part of a tree-sitter syntax tree the extraction reads. The node layer loads the grammars
 * (I/O) and hands the service a `CodeParsers`; the service only walks the trees it gets, so it
 * stays pure and is tested with the real parsers. web-tree-sitter's `Node` and `Tree` satisfy
 * these interfaces as they are. Offsets (`startIndex`, `endIndex`) are UTF-16 code units of the
 * parsed string, as JavaScript strings and LSP positions count them.
 */
import type { CodeLanguage } from './types';

export interface SyntaxNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly parent: SyntaxNode | null;
  readonly childCount: number;
  child(index: number): SyntaxNode | null;
  childForFieldName(field: string): SyntaxNode | null;
  descendantForIndex(start: number, end?: number): SyntaxNode | null;
}

export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Frees the tree (web-tree-sitter keeps it in WebAssembly memory until then). */
  delete(): void;
}

/** Parsers for the languages whose grammars are loaded; `parse` answers undefined for any other. */
export interface CodeParsers {
  parse(language: CodeLanguage, text: string): SyntaxTree | undefined;
}
