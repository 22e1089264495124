import type { CodeDeclaration } from '../rule';

/**
 * Code reads a variable without a fallback and nothing of its app defines it. Reported on the code
 * file, not on an env file, so it is a declaration here and its check lives beside the code
 * features (service/code/unsetDiagnostics.ts).
 */
export const unsetVariable: CodeDeclaration = {
  code: 'unsetVariable',
  group: 'code',
  defaultSeverity: 'information',
  description: 'The code reads a variable without a fallback, and no env file, example, schema default or compose/Dockerfile setting of its app defines it.',
  fixAll: false,
  docs: {
    details:
      'Reported in the code file, on the name, in the languages of `envls.code.languages`. A read with a fallback ' +
      '(`os.getenv("X", "d")`, `process.env.X ?? "d"`, `${X:-d}`, `ENV.fetch("X", "d")`, `os.LookupEnv`) is never reported, ' +
      'nor a variable the system or the runtime provides (`PATH`, `HOME`, `NODE_ENV`, Vite\'s `MODE`…). ' +
      'It is said only for an app that has env files, once every code file of the app was read. `envls check --code` reports it too.',
    example: '# src/settings.py, in an app whose .env sets only DATABASE_URL\nimport os\n\ntoken = os.environ["PAYMENT_TOKEN"]  # nothing of the app sets PAYMENT_TOKEN',
    exampleLanguage: 'python',
    fix: 'Add the variable to the env file (and to the example, for your teammates), give the read a fallback, or set it in the compose file\'s `environment:`.',
  },
};
