/**
 * An open document's parsers (node/codeParsers.ts `documentParsers`) keep its last tree and parse
 * the next version incrementally: through a sequence of edits (typing, erasing, opening and closing
 * a block comment, non-ASCII text, another language) every tree equals a fresh parse of the same
 * text, and readSiteAt answers alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentParsers } from '../server/src/node/codeParsers';
import { readSiteAt } from '../server/src/service/code/readSite';
import type { CodeLanguage } from '../server/src/service/code/types';
import type { SyntaxNode } from '../server/src/service/code/syntax';
import { testParsers } from './support/codeParsers';

function shape(node: SyntaxNode): string {
  const children: string[] = [];
  for (let i = 0; i < node.childCount; i++) children.push(shape(node.child(i)!));
  return `${node.type}[${node.startIndex},${node.endIndex}](${children.join(' ')})`;
}

const VERSIONS: [CodeLanguage, string][] = [
  ['typescript', 'const a = 1;\nconst b = process.env.\n'],
  ['typescript', 'const a = 1;\nconst b = process.env.DB\n'],
  ['typescript', '/* const a = 1;\nconst b = process.env.DB\n'],
  ['typescript', '/* é */ const a = 1;\nconst b = process.env.DB\n'],
  ['typescript', 'const a = "é";\nconst b = process.env.D\n'],
  ['typescript', 'const a = "é";\nconst s = `${process.env.D\n'],
  ['typescript', 'const a = "é";\nconst s = `x process.env.D\n'],
  ['typescript', ''],
  ['python', 'import os\nos.getenv("DB\n'],
  ['python', '# import os\nos.getenv("DB\n'],
  ['typescript', 'const b = process.env.\n'],
];

test('a document parsed incrementally gives the trees and read sites of a fresh parse', async () => {
  const fresh = await testParsers();
  const document = documentParsers();
  try {
    for (const [language, text] of VERSIONS) {
      const kept = document.parse(language, text)!;
      const parsed = fresh.parse(language, text)!;
      try {
        assert.equal(shape(kept.rootNode), shape(parsed.rootNode), `${language}: ${JSON.stringify(text)}`);
      } finally {
        kept.delete();
        parsed.delete();
      }
      // The same text again reuses the kept tree (its delete above freed nothing).
      const again = fresh.parse(language, text)!;
      try {
        assert.equal(shape(document.parse(language, text)!.rootNode), shape(again.rootNode));
      } finally {
        again.delete();
      }
      const cursor = text.trimEnd().length;
      assert.deepEqual(readSiteAt(language, text, cursor, document), readSiteAt(language, text, cursor, fresh), `${language}: ${JSON.stringify(text)}`);
    }
  } finally {
    document.dispose();
  }
});
