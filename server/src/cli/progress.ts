/**
 * "checked 1200/5000 files" on stderr, on one rewritten line, for long runs on a terminal
 * only (never in pipes or CI logs). Redrawn at most every 100 ms; erased at the end.
 */
const LONG_RUN_FILES = 200;
const REDRAW_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function progressOn(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      if (!enabled || total < LONG_RUN_FILES) return;
      const now = Date.now();
      if (now - last < REDRAW_MS && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[Kenvls: checked ${done}/${total} files`);
    },
    end() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
