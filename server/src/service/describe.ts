/** Markdown that explains a variable: shared by hover and completion documentation. */
import type { ResolvedSchema, VariableSpec } from './schema/types';
import { describeCondition, describeType } from './schema/values';
import { embedsCredential, isSensitiveSpec } from './sensitivity';

export function describeVariable(spec: VariableSpec, schema: ResolvedSchema, usedName?: string): string {
  const lines: string[] = [];
  const sensitive = isSensitiveSpec(spec);
  lines.push(`**${spec.name}** — ${schema.title}${spec.section ? ` · ${spec.section}` : ''}`);
  if (usedName && usedName !== spec.name) lines.push('', `\`${usedName}\` is a legacy name of \`${spec.name}\`.`);
  if (spec.deprecated) {
    lines.push('', `⚠️ **Deprecated**: ${spec.deprecated.message}${spec.deprecated.replacement ? ` Use \`${spec.deprecated.replacement}\`${spec.deprecated.renameSafe ? '' : ' (not a plain rename)'}.` : ''}`);
  }
  if (spec.description) lines.push('', spec.description);
  const facts: string[] = [];
  facts.push(`Type: ${describeType(spec)}`);
  if (spec.default !== undefined && spec.default !== '') facts.push(`Default: \`${sensitive || embedsCredential(spec.default) ? '(hidden)' : spec.default}\``);
  if (spec.defaultFrom) facts.push(`Default: the value of \`${spec.defaultFrom}\``);
  else if (spec.defaultDescription && (spec.default === undefined || spec.default === '')) facts.push(`Default: ${spec.defaultDescription}`);
  if (spec.required) {
    const req = spec.required;
    let text = req.kind === 'always' ? 'Required' : `Required when ${(req.when ?? []).map(describeCondition).join(' and ')}`;
    if (req.reason && req.kind !== 'always') text = `Required: ${req.reason}`;
    if (req.alternatives?.length) text += ` (or set ${req.alternatives.map((s) => s.map((n) => `\`${n}\``).join(' + ')).join(', or ')})`;
    facts.push(text);
  } else {
    facts.push('Optional');
  }
  if (spec.onlyUsedWhen?.length) facts.push(`Only used when ${spec.onlyUsedWhen.map(describeCondition).join(' and ')}`);
  if (sensitive) facts.push('Sensitive: its value is never shown');
  if (spec.constraints?.minLength) facts.push(`At least ${spec.constraints.minLength} characters${spec.advice?.includes('minLength') ? " (envls advice, not the product's rule)" : ''}`);
  const otherAdvice = (spec.advice ?? []).filter((check) => check !== 'minLength');
  if (otherAdvice.length) facts.push(`envls advice, not the product's rule: its ${otherAdvice.map((c) => (c === 'type' ? 'accepted values' : c)).join(', ')}`);
  if (spec.constraints?.conventionalMessage) facts.push(`Convention (a hint, never an error): ${spec.constraints.conventionalMessage}`);
  if (spec.aliases?.length) {
    const wins = spec.precedence === 'alias' ? 'the legacy name wins' : `\`${spec.name}\` wins`;
    facts.push(`Also read as ${spec.aliases.map((a) => `\`${a}\``).join(', ')} (when both are set, ${wins})`);
  }
  if (spec.mustDifferFrom?.length) facts.push(`Must differ from ${spec.mustDifferFrom.map((n) => `\`${n}\``).join(', ')}`);
  if (spec.managedBy) facts.push(`Managed by ${spec.managedBy}: normally not set by hand`);
  lines.push('', ...facts.map((f) => `- ${f}`));
  const source = spec.source ?? schema.source;
  if (source) lines.push('', `[Documentation](${source})`);
  return lines.join('\n');
}
