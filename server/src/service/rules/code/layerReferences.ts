import type { ProjectContext } from '../../project/context';

/** Every name a value of another file loaded with this one refers to (`${NAME}`): dotenv-expand reads it there. */
export function keysOfOtherLayersReferences(project: ProjectContext): Set<string> {
  const names = new Set<string>();
  for (const doc of project.layers.values()) for (const entry of doc.entries) for (const ref of entry.references) names.add(ref.name);
  return names;
}
