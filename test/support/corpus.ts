/** The shared material beside the repository (CI lays it at ../shared), and walking its corpus. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_DIR = path.resolve(__dirname, '../..');
export const SHARED_DIR = path.resolve(REPO_DIR, '../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

/** Every file below the corpus (sorted, stable across machines) that `accept` takes. */
export function corpusFiles(accept: (file: { path: string; name: string; dir: string; rel: string }) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (accept({ path: p, name, dir, rel: path.relative(CORPUS_DIR, p).split(path.sep).join('/') })) out.push(p);
    }
  };
  walk(CORPUS_DIR);
  return out;
}
