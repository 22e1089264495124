/** Line bookkeeping with LSP's notion of a line break: \r\n, \r or \n. */

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // String#indexOf (a native search) finds each break; a loop over every character costs several times more.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (text.charCodeAt(cr + 1) === 10) {
        // \r\n is one break.
        starts.push(cr + 2);
        lf = text.indexOf('\n', cr + 2);
      } else {
        starts.push(cr + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

/** 0-based line of an offset. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Answers lineAt() for offsets that mostly grow, as a scanner asks them:
 * a forward walk from the last answer, a binary search when asked backwards.
 */
export class LineCursor {
  private line = 0;
  constructor(private readonly lineStarts: readonly number[]) {}

  lineAt(offset: number): number {
    const starts = this.lineStarts;
    if (offset < starts[this.line]) {
      this.line = lineOfOffset(starts, offset);
      return this.line;
    }
    while (this.line + 1 < starts.length && starts[this.line + 1] <= offset) this.line++;
    return this.line;
  }
}
