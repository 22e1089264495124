/** The real tree-sitter parsers for tests (loaded once per test process). */
import { loadCodeParsers, type LoadedCodeParsers } from '../../server/src/node/codeParsers';
import { CODE_LANGUAGES } from '../../server/src/service/code/languages';

let loading: Promise<LoadedCodeParsers> | undefined;

export function testParsers(): Promise<LoadedCodeParsers> {
  loading ??= loadCodeParsers(CODE_LANGUAGES);
  return loading;
}
