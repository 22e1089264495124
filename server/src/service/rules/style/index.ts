/** dotenv-linter's checks as envls style rules (quiet in the editor unless turned on). */
import type { Rule } from '../rule';
import { endingBlankLine } from './endingBlankLine';
import { extraBlankLine } from './extraBlankLine';
import { incorrectDelimiter } from './incorrectDelimiter';
import { keyWithoutValue } from './keyWithoutValue';
import { leadingCharacter } from './leadingCharacter';
import { lowercaseKey } from './lowercaseKey';
import { quoteCharacter } from './quoteCharacter';
import { spaceCharacter } from './spaceCharacter';
import { substitutionKey } from './substitutionKey';
import { trailingWhitespace } from './trailingWhitespace';
import { unorderedKey } from './unorderedKey';
import { valueWithoutQuotes } from './valueWithoutQuotes';

/** In dotenv-linter's order (its DuplicatedKey is envls's core duplicateKey). */
export const STYLE_RULES: readonly Rule[] = [
  endingBlankLine,
  extraBlankLine,
  incorrectDelimiter,
  keyWithoutValue,
  leadingCharacter,
  lowercaseKey,
  quoteCharacter,
  spaceCharacter,
  substitutionKey,
  trailingWhitespace,
  unorderedKey,
  valueWithoutQuotes,
];
