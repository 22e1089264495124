/**
 * Document and folder URIs from the client. Only a local `file:` URI maps to a path
 * (and so to disk features: marker files, workspace-relative globs); any other URI
 * (`untitled:`, `vscode-vfs:`, a UNC host on POSIX, an encoded `/`) is handled
 * without them, never by throwing.
 */
import { fileURLToPath } from 'node:url';

export function localPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
