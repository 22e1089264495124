/**
 * Variables a program finds set without any env file: the system's and the shell's (POSIX,
 * https://pubs.opengroup.org/onlinepubs/9799919799/basedefs/V1_chap08.html), the ones CI
 * services and runtimes set, and the ones bundlers set themselves (Vite's built-in
 * `import.meta.env` names, https://vite.dev/guide/env-and-mode#built-in-constants; Node tooling's
 * NODE_ENV, set by Next.js, https://nextjs.org/docs/pages/guides/environment-variables#environment-variable-load-order).
 * unsetVariable never reports them.
 */
export const PROVIDED_NAMES: ReadonlySet<string> = new Set([
  // POSIX and common shells
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'PWD', 'OLDPWD', 'TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ',
  'TMPDIR', 'TEMP', 'TMP', 'HOSTNAME', 'EDITOR', 'VISUAL', 'PAGER', 'COLUMNS', 'LINES', 'IFS', 'PPID', 'UID', 'EUID', 'RANDOM', 'SECONDS', 'LINENO', 'OPTARG', 'OPTIND',
  'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'SYSTEMROOT', 'COMSPEC',
  // CI services
  'CI', 'GITHUB_ACTIONS', 'GITHUB_WORKSPACE', 'GITHUB_SHA', 'GITHUB_REF', 'GITLAB_CI',
  // runtimes and bundlers
  'NODE_ENV', 'MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR',
]);
