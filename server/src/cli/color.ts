/** ANSI colours for a terminal; plain text when off (`--no-color`, `NO_COLOR`, not a TTY). */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLORS: Paint = { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const PLAIN: Paint = { red: (t) => t, yellow: (t) => t, cyan: (t) => t, dim: (t) => t, bold: (t) => t };

/** `--color`/`--no-color` win; else NO_COLOR (https://no-color.org: set and not empty) turns colour off; else a TTY has it. */
export function wantsColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  return isTTY;
}

export function paint(enabled: boolean): Paint {
  return enabled ? COLORS : PLAIN;
}
