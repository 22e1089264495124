/** Offsets (UTF-16, as tree-sitter reports them for a JavaScript string) to LSP ranges. */
import type { Range } from 'vscode-languageserver-types';
import { computeLineStarts, lineOfOffset } from '../parser/lines';

export class OffsetRanges {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  range(start: number, end: number): Range {
    this.starts ??= computeLineStarts(this.text);
    const startLine = lineOfOffset(this.starts, start);
    const endLine = end === start ? startLine : lineOfOffset(this.starts, end);
    return {
      start: { line: startLine, character: start - this.starts[startLine] },
      end: { line: endLine, character: end - this.starts[endLine] },
    };
  }
}
