/**
 * Character classes exactly as JavaScript's regular expressions define them,
 * because dotenv's parser is a regular expression: `\s` (which is also what
 * String.prototype.trim removes), `\w`, and the line terminators that `^`, `$`
 * and `.` respect under the `m` flag.
 */

/** JavaScript `\s`: WhiteSpace and LineTerminator code points. */
export function isJsWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

/** Line terminators for `^`, `$` (with the m flag) and `.`: \n \r U+2028 U+2029. */
export function isJsLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 8232 || code === 8233;
}

const KEY_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) KEY_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) KEY_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) KEY_CHAR[c] = 1;
KEY_CHAR[95] = 1; // _
KEY_CHAR[46] = 1; // .
KEY_CHAR[45] = 1; // -

/** dotenv's key class `[\w.-]` (ASCII only: the regex has no u flag). */
export function isKeyChar(code: number): boolean {
  return code < 128 && KEY_CHAR[code] === 1;
}

export const HASH = 35;
export const EQUALS = 61;
export const COLON = 58;
export const BACKSLASH = 92;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const BACKTICK = 96;
export const NEWLINE = 10;
export const CARRIAGE_RETURN = 13;
