/** A project rule's documented example in the project its declaration describes (rule.docs.project). */
import type { CodeDocs } from '../../server/src/service/rules/rule';
import { ProjectModel } from '../../server/src/service/project/model';
import { projectContextFor, type ProjectContext } from '../../server/src/service/project/context';
import type { CodeParsers } from '../../server/src/service/code/syntax';
import { extractReads } from '../../server/src/service/code/extract';
import { codeLanguageOf } from '../../server/src/service/code/languages';
import { codeUsageOf } from '../../server/src/service/code/usage';

/** `parsers` read the code files of a code rule's example (docs.project.code) with the real extraction. */
export function projectOfDocs(docs: CodeDocs, parsers?: CodeParsers): ProjectContext | undefined {
  if (!docs.project) return undefined;
  const files = { ...docs.project.files, [docs.project.path]: docs.example };
  const model = new ProjectModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  const context = projectContextFor(model, docs.project.path, docs.project.git);
  if (!context || !docs.project.code) return context;
  const code = Object.entries(docs.project.code).map(([path, text]) => {
    const language = codeLanguageOf(path)!;
    return { path, language, reads: extractReads(language, text, parsers) };
  });
  return { ...context, code: codeUsageOf(code) };
}
