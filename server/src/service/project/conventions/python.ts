import type { Convention } from './convention';

/**
 * python-dotenv: `load_dotenv()` loads `.env` (found by `find_dotenv()`) and by default does not
 * override variables already set.
 */
export const pythonDotenv: Convention = {
  name: 'python-dotenv',
  title: 'python-dotenv',
  source: 'https://github.com/theskumar/python-dotenv',
  modes: ['default'],
  openModes: false,
  wins: 'first',
  files: () => ['.env'],
};

/** django-environ: `environ.Env.read_env()` reads the project's `.env` file. */
export const djangoEnviron: Convention = {
  name: 'django-environ',
  title: 'django-environ',
  source: 'https://django-environ.readthedocs.io/en/latest/quickstart.html',
  modes: ['default'],
  openModes: false,
  wins: 'first',
  files: () => ['.env'],
};
