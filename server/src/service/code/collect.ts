/** Gathers one file's reads in offsets, then turns them into EnvRead with LSP ranges. */
import { OffsetRanges } from './offsets';
import type { EnvRead } from './types';

export class ReadCollector {
  private readonly found: { name: string; start: number; end: number; hasFallback: boolean; kind: 'read' | 'set' }[] = [];
  private readonly seen = new Set<number>();

  constructor(readonly text: string) {}

  /** The name is text[start, end). One read per start offset. */
  add(start: number, end: number, hasFallback: boolean, kind: 'read' | 'set' = 'read', name = this.text.slice(start, end)): void {
    if (end <= start || this.seen.has(start)) return;
    this.seen.add(start);
    this.found.push({ name, start, end, hasFallback, kind });
  }

  reads(): EnvRead[] {
    const ranges = new OffsetRanges(this.text);
    return this.found
      .sort((a, b) => a.start - b.start)
      .map(({ name, start, end, hasFallback, kind }) => ({ name, range: ranges.range(start, end), hasFallback, kind }));
  }
}
