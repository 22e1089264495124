/** dotenv-linter's checks as envls style rules (quiet in the editor unless turned on). */
import type { Rule } from '../rule';

export const STYLE_RULES: readonly Rule[] = [];
