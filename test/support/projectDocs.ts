/** A project rule's documented example in the project its declaration describes (rule.docs.project). */
import type { CodeDocs } from '../../server/src/service/rules/rule';
import { ProjectModel } from '../../server/src/service/project/model';
import { projectContextFor, type ProjectContext } from '../../server/src/service/project/context';

export function projectOfDocs(docs: CodeDocs): ProjectContext | undefined {
  if (!docs.project) return undefined;
  const files = { ...docs.project.files, [docs.project.path]: docs.example };
  const model = new ProjectModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  return projectContextFor(model, docs.project.path, docs.project.git);
}
