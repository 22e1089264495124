/** Text output of diagnostics, as compilers print them: path:line:col: severity code message. */
import type { Diagnostic } from 'vscode-languageserver-types';

export const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function formatDiagnostic(path: string, d: Diagnostic): string {
  return `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAMES[d.severity ?? 1]} ${String(d.code)} ${messageText(d).replace(/\s*\n\s*/g, ' ')}`;
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
