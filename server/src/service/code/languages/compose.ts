/**
 * docker compose files (the `yaml` package, as the project model reads them):
 * - a service's `environment:` gives variables to its containers. A key with a value (`K: v`,
 *   `- K=v`) is kind 'set'; a key without one (`K:`, `- K`) passes the variable through from
 *   the environment compose runs in: a read (compose-spec 05-services.md, "environment");
 * - `${X}`, `$X`, `${X:-d}` … in any value are interpolated from the environment and the project
 *   `.env` (compose-spec 12-interpolation.md): reads; `$$` is a literal `$`. Keys are not interpolated.
 * Bad YAML gives no reads, never a throw.
 */
import type { Document, Node as YamlNode, Scalar } from 'yaml';
import type { ReadCollector } from '../collect';
import { interpolationReads } from './interpolation';

const NAME = /^[^=\s]+/;

export function composeReads(out: ReadCollector): void {
  // Required here, not imported: the YAML parser is loaded only when a compose file is read.
  const yaml = require('yaml') as typeof import('yaml');
  let doc: Document;
  try {
    doc = yaml.parseDocument(out.text, { prettyErrors: false, merge: true, keepSourceTokens: false });
  } catch {
    return;
  }
  if (doc.errors.length > 0) return;
  yaml.visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      interpolationReads(out, node.range[0], node.range[1], { doubleDollarEscapes: true });
    },
  });
  const services = doc.get('services');
  if (!yaml.isMap(services)) return;
  for (const service of services.items) {
    if (!yaml.isMap(service.value)) continue;
    const environment = service.value.get('environment', true);
    if (yaml.isMap(environment)) {
      for (const pair of environment.items) {
        if (!yaml.isScalar(pair.key)) continue;
        const value = pair.value as YamlNode | null;
        const unset = value === null || (yaml.isScalar(value) && value.value === null);
        addName(out, pair.key, String(pair.key.value), !unset);
      }
    } else if (yaml.isSeq(environment)) {
      for (const item of environment.items) {
        if (!yaml.isScalar(item) || typeof item.value !== 'string') continue;
        const name = NAME.exec(item.value)?.[0];
        if (name) addName(out, item, name, item.value.includes('='));
      }
    }
  }
}

function addName(out: ReadCollector, scalar: Scalar, name: string, set: boolean): void {
  if (!scalar.range) return;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  const start = scalar.range[0] + (quoted ? 1 : 0);
  if (out.text.slice(start, start + name.length) !== name) return;
  out.add(start, start + name.length, false, set ? 'set' : 'read');
}
