/**
 * The code files of a workspace folder, read one at a time, yielding to the event loop between
 * batches so that requests get through while a large folder is indexed. Skips what the project
 * scan skips (dependency, build and virtual-environment folders, folders git ignores) and never
 * follows a link to a folder; bounded by an entry count and a file size.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readTextFile, SKIPPED_FOLDERS } from '../node/projectScan';
import { GitIgnoreOracle } from '../node/projectGit';
import { codeLanguageOf } from '../service/code/languages';
import type { CodeLanguage } from '../service/code/types';

const MAX_ENTRIES = 200_000;
const MAX_FILE_BYTES = 1 << 20;
const FILES_PER_TURN = 50;

export function readCodeFile(absolute: string): string | undefined {
  return readTextFile(absolute, MAX_FILE_BYTES);
}

export async function* scanCodeFolder(root: string): AsyncGenerator<{ rel: string; language: CodeLanguage; text: string }> {
  const git = GitIgnoreOracle.forPath(root);
  const pending = [root];
  let entriesSeen = 0;
  let read = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++entriesSeen > MAX_ENTRIES) return;
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && git?.isGitIgnored(absolute, true) !== true) pending.push(absolute);
        continue;
      }
      if (!entry.isFile()) continue;
      const rel = relative(root, absolute).split(sep).join('/');
      const language = codeLanguageOf(rel);
      if (!language) continue;
      const text = readCodeFile(absolute);
      if (text === undefined) continue;
      yield { rel, language, text };
      if (++read % FILES_PER_TURN === 0) await nextTurn();
    }
  }
}
