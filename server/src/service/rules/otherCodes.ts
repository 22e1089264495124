/**
 * Codes envls emits that no rule reports: declared here like the rules, so that
 * they get a documentation page and a row in the README's table too.
 */
import type { CodeDeclaration } from './rule';

/** A rule threw; validate() reports it in place of that rule's findings. */
export const internalError: CodeDeclaration = {
  code: 'internalError',
  group: 'internal',
  defaultSeverity: 'information',
  description: 'A rule failed with an error inside envls; the other rules still report.',
  fixAll: false,
  configurable: false,
  docs: {
    details:
      'This is a bug in envls, not in your file. The diagnostic names the rule and sits on the first line; ' +
      'the error and its stack go to the envls log (the "envls" output channel in VS Code, stderr for the CLI), ' +
      'without any value from the file.',
    example: '# any file: internalError appears only when a rule of envls itself fails\nAPP_PORT=8080',
    fix: 'Nothing to fix in the file. Please report it with the log lines (they contain no values of the file).',
  },
};

/** A schema file of the user's that cannot be used (reported on that file by the server and the CLI). */
export const invalidSchema: CodeDeclaration = {
  code: 'invalidSchema',
  group: 'internal',
  defaultSeverity: 'error',
  description: 'A schema file of yours (envls.schemaFiles, --schema-file) is not valid JSON, breaks the schema format, or has a pattern the linear-time regular expression engine (RE2) cannot run (backreferences, lookaround); or a decorator of a `.env.schema` envls cannot read or use.',
  fixAll: false,
  configurable: false,
  docs: {
    details:
      'It is reported on the schema file itself, at the offending place; envls leaves that schema out until the file is fixed. ' +
      "In a `.env.schema` (varlock's env-spec) each problem sits on its decorator and the rest of the file is still used: a malformed " +
      'decorator is an error (varlock cannot read the file either); an unknown decorator, data type or type option is a warning ' +
      '(information when the file loads a `@plugin`, which may define it); a decorator envls does not use (`@currentEnv`, code ' +
      'generation, …) or a condition it does not evaluate (`@required=forEnv(prod)`) is information.',
    example: '// my.envls.json\n{ "id": "acme/api", "variables": [ { "name": "PORT", "type": "port", } ] }',
    fix: 'Correct the file as the message says (name it `*.envls.json` to get validation and completion while you write it).',
  },
};

export const OTHER_CODES: readonly CodeDeclaration[] = [internalError, invalidSchema];
