import type { Fix, Rule } from '../rule';
import { baseName } from '../../project/paths';
import { isValuesFile, keysOfOtherLayers } from '../../project/context';
import { addAllMissingEdit, appendLines, firstLineSpan, linesFromExample, missingFromExample } from './exampleEdits';

/** The team's example lists a variable that neither this file nor any file loaded with it sets. */
export const missingExampleVariable: Rule = {
  code: 'missingExampleVariable',
  group: 'project',
  defaultSeverity: 'warning',
  description: "A variable of the app's example (.env.example, .env.sample, .env.template, …) is set by no file loaded with this one.",
  fixAll: false,
  docs: {
    details:
      'The example is the team\'s contract: the nearest `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `example.env` or ' +
      '`.env.[mode].example` of the app. A variable counts as set when this file or any file loaded with it sets it (a `.env.local` ' +
      'with only overrides is fine). A variable the example marks optional (a comment on its line or right above it containing ' +
      '"optional") is never reported. It needs the file\'s project, so the editor and `envls check` report it, and a file checked alone (`--no-project`, `checkText`) does not.',
    example: '# .env, beside a .env.example that lists DATABASE_URL and JWT_SECRET\nDATABASE_URL=postgres://localhost/app',
    project: { path: '.env', files: { '.env.example': 'DATABASE_URL=\nJWT_SECRET=\n' } },
    fix: 'The quick fixes add one or all missing variables with the example\'s comments and, when not sensitive, its value, in the example\'s order and grouping.',
  },
  check(ctx) {
    const project = ctx.project!;
    const example = project.example;
    if (!example || !isValuesFile(project)) return;
    const missing = missingFromExample(example, (key) => ctx.index.byKey.has(key), keysOfOtherLayers(project));
    if (missing.length === 0) return;
    const name = baseName(example.path);
    const span = ctx.anchor ?? firstLineSpan(ctx.doc);
    const all: Fix | undefined = missing.length > 1
      ? { title: `Add all missing from ${name}`, edits: [addAllMissingEdit(ctx.doc.text, example.doc, missing, ctx.schemaSet)] }
      : undefined;
    const where = project.layers.size > 0 ? 'by this file or the files loaded with it' : 'in this file';
    for (const entry of missing) {
      ctx.report({
        span,
        message: `${entry.key} from ${name} is not set ${where}.`,
        info: { variable: entry.key, example: example.path },
        fixes: [
          { title: `Add ${entry.key} from ${name}`, edits: [appendLines(ctx.doc.text, linesFromExample(example.doc, entry, ctx.schemaSet))], preferred: true },
          ...(all ? [all] : []),
        ],
      });
    }
  },
};
