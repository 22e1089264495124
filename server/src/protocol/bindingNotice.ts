/**
 * The `envls/binding` notification: which schemas apply to a document and why.
 * The server sends it when a document's binding changes; the VS Code client
 * (client/src/extension.ts) imports this type to show it in a status item.
 */
import type { BindingSource } from '../service/binding';
import type { BindingCertainty } from '../service/rules/rule';
import type { SchemaSource } from '../service/schemaSources';

export const BINDING_NOTIFICATION = 'envls/binding';

export interface BindingNotice {
  uri: string;
  schemas: { id: string; title: string }[];
  source: BindingSource;
  certainty: BindingCertainty;
  reason: string;
  /** Each schema with why it applies and where it is defined, then the app's example (schemaSources.ts). */
  sources: SchemaSource[];
}
