/**
 * Which cloaked ranges stay hidden: every one the server gave, except those on a line the cursor
 * (or a selection) touches, so that the value being read or edited is visible. No `vscode` import:
 * unit-tested on its own.
 */
export interface PlainPosition {
  line: number;
  character: number;
}

export interface PlainRange {
  start: PlainPosition;
  end: PlainPosition;
}

/** `selections`: the lines each cursor or selection spans (start ≤ end). */
export function hiddenRanges<R extends PlainRange>(ranges: readonly R[], selections: readonly { start: number; end: number }[]): R[] {
  return ranges.filter((range) => !selections.some((s) => s.start <= range.end.line && range.start.line <= s.end));
}
