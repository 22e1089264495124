import type { Rule } from '../rule';
import { holdsValues } from '../../project/roles';
import { keysOfOtherLayersReferences } from './layerReferences';
import { readsOnly } from '../../code/usage';

/**
 * A variable no code of the app reads and no bound schema documents (a schema documents what the
 * product reads itself: Neosync reads DB_HOST, the app's code does not have to). Said only once the
 * app's code index is complete, and only for an app that has code files at all.
 */
export const unusedVariable: Rule = {
  code: 'unusedVariable',
  group: 'code',
  defaultSeverity: 'hint',
  description: "No code of the app reads the variable, and no schema bound to the file says the product reads it.",
  fixAll: false,
  docs: {
    details:
      'envls reads the code of the app the file belongs to (JavaScript/TypeScript, Python, Go, Ruby, PHP, Rust, shell scripts, Dockerfiles, compose files) ' +
      'and finds where it reads environment variables. A variable no code reads may be left over from a removed feature. ' +
      'A variable a bound schema documents is read by the product itself and is never reported; nor is one another entry refers to (`${NAME}`). ' +
      'It is said only once every code file of the app was read, and never for an app without code files. ' +
      'The editor reports it with `envls.code.enable` on (the default); `envls check --code` reports it too.',
    example: '# .env, in an app whose only code reads DATABASE_URL (src/db.js: process.env.DATABASE_URL)\nDATABASE_URL=postgres://db/app\nOLD_FEATURE_FLAG=1',
    project: { path: '.env', files: {}, code: { 'src/db.js': 'export const url = process.env.DATABASE_URL;\n' } },
    fix: 'Remove the variable if nothing needs it any more. If a program envls does not read sets it to use (a script outside the app, a platform), keep it and silence the hint.',
  },
  check(ctx) {
    const project = ctx.project!;
    const code = project.code;
    if (!code || !code.complete || code.fileCount === 0 || project.role.role === 'schema') return;
    const referenced = ctx.index.referenced();
    const referencedByLayers = keysOfOtherLayersReferences(project);
    for (const entry of ctx.index.byKey.values()) {
      const key = entry.key;
      if (referenced.has(key) || referencedByLayers.has(key) || ctx.schemaSet.lookup(key)) continue;
      if (readsOnly(code.readsOf(key)).length > 0) continue;
      ctx.report({
        span: entry.keySpan,
        message: holdsValues(project.role)
          ? `No code of this app reads ${key}, and no bound schema says the product reads it.`
          : `No code of this app reads ${key}, listed here; no bound schema says the product reads it.`,
        tags: ['unnecessary'],
        info: { variable: key },
      });
    }
  },
};
