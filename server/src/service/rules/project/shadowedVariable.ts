import type { Rule } from '../rule';
import { shadowingOf, shownPath, type ModeShadowing } from '../../project/context';

/**
 * A value another file loaded with this one replaces: "overridden by .env.local in development
 * and production (Next.js order)". Tagged unnecessary when the line takes effect in no mode.
 * Earlier duplicates of a key in the file are duplicateKey's.
 */
export const shadowedVariable: Rule = {
  code: 'shadowedVariable',
  group: 'project',
  defaultSeverity: 'information',
  description: 'Another env file loaded with this one sets the variable too and wins (in some modes, or in all: then the line has no effect).',
  fixAll: false,
  docs: {
    details:
      'Which file wins follows the app\'s load-order convention (Next.js, Vite, docker compose `env_file`, dotenvx, …; see docs/conventions.md) ' +
      'or `envls.loadOrder`. The line is shown as unnecessary when it takes effect in no mode. It needs the file\'s project, so the ' +
      'editor and `envls check` report it, and a file checked alone (`--no-project`, `checkText`) does not.',
    example: '# .env of a Next.js app whose .env.local sets API_URL too\nAPI_URL=http://localhost:3000',
    project: { path: '.env', files: { 'package.json': '{"dependencies":{"next":"15"}}', '.env.local': 'API_URL=http://localhost:4000\n' } },
    fix: 'Nothing is wrong when the override is meant (a local value over the shared default). Otherwise remove the line from the file that should not set it.',
  },
  check(ctx) {
    const project = ctx.project!;
    for (const entry of ctx.index.byKey.values()) {
      const modes = shadowingOf(project, entry.key);
      const lost = modes.filter((m) => !m.wins);
      if (lost.length === 0) continue;
      const takesEffect = modes.some((m) => m.wins);
      ctx.report({
        span: entry.keySpan,
        message: `${entry.key} is overridden by ${describeWinners(lost, project.path, project.conventionTitle, modes.length)}${takesEffect ? '' : '; this line takes effect in no mode'}.`,
        tags: takesEffect ? undefined : ['unnecessary'],
        info: { variable: entry.key, overriddenIn: lost.map((m) => ({ mode: m.mode, by: m.winner })) },
      });
    }
  },
};

/** "…env.local in development and production (Next.js order); compose.env in compose:web (docker compose order)". */
function describeWinners(lost: ModeShadowing[], path: string, conventionTitle: string | undefined, modeCount: number): string {
  const groups = new Map<string, string[]>();
  for (const m of lost) {
    const order = m.mode.startsWith('compose:') ? 'docker compose env_file order' : orderName(conventionTitle);
    const key = `${m.winner}\0${order}`;
    const list = groups.get(key) ?? [];
    list.push(m.mode);
    groups.set(key, list);
  }
  return [...groups].map(([key, modes]) => {
    const [winner, order] = key.split('\0');
    // One mode called `default` (plain dotenv, an explicit list) needs no naming.
    const where = modes.length === 1 && modes[0] === 'default' && modeCount === 1 ? '' : ` in ${andList(modes)}`;
    return `${shownPath(winner, path)}${where} (${order})`;
  }).join('; by ');
}

/** "Next.js order"; an explicit list is named by its setting ("envls.loadOrder: first file wins"). */
function orderName(title: string | undefined): string {
  if (title === undefined) return 'load order';
  const explicit = /^envls\.loadOrder \((.*)\)$/.exec(title);
  return explicit ? `envls.loadOrder: ${explicit[1]}` : `${title} order`;
}

function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
