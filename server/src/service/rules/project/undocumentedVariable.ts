import type { Rule } from '../rule';
import { baseName } from '../../project/paths';
import { isValuesFile } from '../../project/context';
import { entriesByKey } from '../entryIndex';
import { appendLines, entryLine } from './exampleEdits';

/** A variable the app's example does not list: the team's contract does not know it. */
export const undocumentedVariable: Rule = {
  code: 'undocumentedVariable',
  group: 'project',
  defaultSeverity: 'information',
  description: "The variable is set here but the app's example (.env.example, …) does not list it.",
  fixAll: false,
  docs: {
    details:
      'Teammates copy the example to create their own file: a variable missing from it is one they will not know to set. ' +
      'It needs the file\'s project, so the editor and `envls check` report it, and a file checked alone (`--no-project`, `checkText`) does not.',
    example: '# .env, beside a .env.example that does not list FEATURE_FLAGS\nFEATURE_FLAGS=beta',
    project: { path: '.env', files: { '.env.example': 'DATABASE_URL=\n' } },
    fix: 'The quick fix adds the variable to the example: with its value when that is not sensitive, else empty. Add a comment there to say what it is for.',
  },
  check(ctx) {
    const project = ctx.project!;
    const example = project.example;
    if (!example || !isValuesFile(project)) return;
    const listed = entriesByKey(example.doc);
    const name = baseName(example.path);
    for (const entry of ctx.index.byKey.values()) {
      if (listed.has(entry.key)) continue;
      ctx.report({
        span: entry.keySpan,
        message: `${entry.key} is not listed in ${name}.`,
        info: { variable: entry.key, example: example.path },
        fixes: [{
          title: `Add ${entry.key} to ${name}`,
          edits: [appendLines(example.doc.text, [entryLine(ctx.doc, entry, ctx.schemaSet)])],
          target: { path: example.path, text: example.doc.text },
          preferred: true,
        }],
      });
    }
  },
};
