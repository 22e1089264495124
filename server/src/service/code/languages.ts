/**
 * Which language a file is, by its name (VS Code's language ids). Shell scripts are `*.sh`, `*.bash`,
 * `*.zsh` and the dotfiles `.bashrc`/`.profile`…; a file without an extension is not opened to look
 * for a shebang (the scan reads names only; an editor that says `shellscript` is believed).
 */
import type { CodeLanguage } from './types';

const BY_EXTENSION: Record<string, CodeLanguage> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  py: 'python',
  go: 'go',
  rb: 'ruby',
  rake: 'ruby',
  php: 'php',
  rs: 'rust',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  dockerfile: 'dockerfile',
};

const BY_NAME: Record<string, CodeLanguage> = {
  Rakefile: 'ruby',
  Gemfile: 'ruby',
  '.bashrc': 'shellscript',
  '.bash_profile': 'shellscript',
  '.profile': 'shellscript',
  '.zshrc': 'shellscript',
};

/** `compose.yaml`, `docker-compose.yml`, `compose.prod.yaml`, `docker-compose.override.yml` … */
const COMPOSE = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;
/** `Dockerfile`, `Dockerfile.dev`, `dev.Dockerfile`, `Containerfile`. */
const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:[.-][^/]*)?$|\.(?:dockerfile|containerfile)$/i;

export function codeLanguageOf(path: string): CodeLanguage | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (COMPOSE.test(name)) return 'dockercompose';
  if (DOCKERFILE.test(name)) return 'dockerfile';
  if (BY_NAME[name]) return BY_NAME[name];
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  if (name.endsWith('.d.ts')) return undefined; // declarations read nothing
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'ruby', 'php', 'rust', 'shellscript', 'dockerfile', 'dockercompose',
];
