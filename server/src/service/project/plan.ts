/**
 * An app's load plan: which convention it follows (and why), and per mode the files it loads,
 * the one that wins first. Detection reads the app's manifests and compose files, in this order:
 * envls.loadOrder; a framework dependency in package.json (next, @sveltejs/kit, nuxt, vite —
 * the framework loads its own files); varlock (a `varlock` dependency, or a `.env.schema` in the app
 * folder: varlock's schema file); `dotenvx run` in a package.json script, then the
 * @dotenvx/dotenvx or dotenv dependency; the Gemfile (dotenv-rails, or dotenv with rails;
 * plain dotenv); pyproject.toml / requirements.txt (django-environ, python-dotenv); a compose
 * file; else plain dotenv's `.env`. compose services add their own modes to any of these.
 */
import { byPrecedence, type Convention } from './conventions/convention';
import { readComposeFile, type ComposeFile, COMPOSE_ENV_FILE_SOURCE } from './conventions/compose';
import { dotenvxPrecedence, dotenvxRunOf, DOTENVX_OVERLOAD_SOURCE } from './conventions/dotenvx';
import { CONVENTIONS, conventionNamed } from './conventions';
import { loadOrderFor, type LoadOrderSetting } from './loadOrderSetting';
import { gemfileHas, pythonRequires, readPackageJson } from './manifests';
import { joinPath, resolvePath } from './paths';
import { roleOfName } from './roles';

export interface ModeOrder {
  /** `development`, `production`, `test`, a Vite mode, `default`, a script name (dotenvx), `compose:<service>`. */
  mode: string;
  /** Workspace-relative paths, the file that wins first; files that may not exist included. */
  files: string[];
}

export interface LoadPlan {
  /** A convention name, or `explicit` for a list set with envls.loadOrder. */
  convention: string;
  title: string;
  /** Documentation the order comes from. */
  source: string;
  /** Why this convention: what was found, or the setting. */
  reason: string;
  orders: ModeOrder[];
}

export interface AppSources {
  folder: string;
  /** Manifest base name → text (only those in the app folder). */
  manifests: ReadonlyMap<string, string>;
  /** Compose files in the app folder, read. */
  compose: readonly ComposeFile[];
  /** Base names of the env files directly in the app folder (for the modes of open conventions). */
  envNames: readonly string[];
}

const FRAMEWORKS: ReadonlyArray<[dependency: string, convention: string]> = [
  ['next', 'nextjs'],
  ['@sveltejs/kit', 'sveltekit'],
  ['nuxt', 'nuxt'],
  ['vite', 'vite'],
];

export function planFor(app: AppSources, setting?: LoadOrderSetting): LoadPlan {
  const base = choosePlan(app, setting);
  // compose services read their env_file lists whatever else loads the app's files.
  for (const compose of app.compose) {
    for (const service of compose.services) {
      if (service.envFiles.length === 0) continue;
      const files = service.envFiles.map((f) => f.path).filter((p): p is string => p !== undefined).reverse();
      base.orders.push({ mode: `compose:${service.name}`, files });
    }
  }
  return base;
}

function choosePlan(app: AppSources, setting?: LoadOrderSetting): LoadPlan {
  const choice = loadOrderFor(setting, app.folder);
  if (choice && 'explicit' in choice) {
    const files = choice.explicit.files.map((f) => resolvePath(app.folder, f)).filter((p): p is string => p !== undefined);
    return {
      convention: 'explicit',
      title: choice.explicit.override ? 'envls.loadOrder (later files win)' : 'envls.loadOrder (first file wins)',
      source: 'https://github.com/motdotla/dotenv#path',
      reason: 'envls.loadOrder',
      orders: [{ mode: 'default', files: choice.explicit.override ? files.reverse() : files }],
    };
  }
  if (choice) return fromConvention(conventionNamed(choice.convention)!, app, 'envls.loadOrder');

  const pkgText = app.manifests.get('package.json');
  if (pkgText !== undefined) {
    const pkg = readPackageJson(pkgText);
    for (const [dependency, name] of FRAMEWORKS) {
      if (pkg.dependencies.has(dependency)) return fromConvention(CONVENTIONS.get(name as never)!, app, `package.json depends on ${dependency}`);
    }
    if (pkg.dependencies.has('varlock')) return fromConvention(CONVENTIONS.get('varlock')!, app, 'package.json depends on varlock');
  }
  // varlock runs any stack (`varlock run -- …`): its schema file in the app folder says it loads the files.
  if (app.envNames.includes('.env.schema')) return fromConvention(CONVENTIONS.get('varlock')!, app, 'the app has a .env.schema (varlock)');
  if (pkgText !== undefined) {
    const pkg = readPackageJson(pkgText);
    const runs = [...pkg.scripts].map(([script, command]) => dotenvxRunOf(script, command)).filter((r) => r !== undefined);
    if (runs.length > 0) {
      const dotenvx = CONVENTIONS.get('dotenvx')!;
      return {
        convention: 'dotenvx',
        title: dotenvx.title,
        source: runs.some((r) => r.overload) ? DOTENVX_OVERLOAD_SOURCE : dotenvx.source,
        reason: `package.json script${runs.length > 1 ? 's' : ''} ${runs.map((r) => r.script).join(', ')} run${runs.length > 1 ? '' : 's'} dotenvx`,
        orders: runs.map((run) => ({ mode: run.script, files: dotenvxPrecedence(run).map((f) => resolvePath(app.folder, f)).filter((p): p is string => p !== undefined) })),
      };
    }
    if (pkg.dependencies.has('@dotenvx/dotenvx')) return fromConvention(CONVENTIONS.get('dotenvx')!, app, 'package.json depends on @dotenvx/dotenvx');
    if (pkg.dependencies.has('dotenv')) return fromConvention(CONVENTIONS.get('dotenv')!, app, 'package.json depends on dotenv');
  }
  const gemfile = app.manifests.get('Gemfile');
  if (gemfile !== undefined) {
    if (gemfileHas(gemfile, 'dotenv-rails') || (gemfileHas(gemfile, 'dotenv') && gemfileHas(gemfile, 'rails'))) {
      return fromConvention(CONVENTIONS.get('rails-dotenv')!, app, 'Gemfile has dotenv with Rails');
    }
    if (gemfileHas(gemfile, 'dotenv')) return fromConvention(CONVENTIONS.get('dotenv')!, app, 'Gemfile has dotenv');
  }
  for (const manifest of ['pyproject.toml', 'requirements.txt']) {
    const text = app.manifests.get(manifest);
    if (text === undefined) continue;
    if (pythonRequires(text, 'django-environ')) return fromConvention(CONVENTIONS.get('django-environ')!, app, `${manifest} requires django-environ`);
    if (pythonRequires(text, 'python-dotenv')) return fromConvention(CONVENTIONS.get('python-dotenv')!, app, `${manifest} requires python-dotenv`);
  }
  if (app.compose.some((c) => c.services.some((s) => s.envFiles.length > 0))) {
    return { convention: 'compose', title: 'docker compose', source: COMPOSE_ENV_FILE_SOURCE, reason: `${app.compose.map((c) => c.path).join(', ')} lists env_file`, orders: [] };
  }
  return fromConvention(CONVENTIONS.get('dotenv')!, app, 'nothing names a loader: plain dotenv reads .env');
}

function fromConvention(convention: Convention, app: AppSources, reason: string): LoadPlan {
  const modes = [...convention.modes];
  if (convention.openModes) {
    for (const name of app.envNames) {
      const role = roleOfName(name);
      if (role?.mode !== undefined && (role.role === 'mode' || role.role === 'local') && !modes.includes(role.mode)) modes.push(role.mode);
    }
  }
  return {
    convention: convention.name,
    title: convention.title,
    source: convention.source,
    reason,
    orders: modes.map((mode) => ({ mode, files: byPrecedence(convention, mode).map((f) => joinPath(app.folder, f)) })),
  };
}

export { readComposeFile };
