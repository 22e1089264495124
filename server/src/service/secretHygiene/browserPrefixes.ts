/**
 * Name prefixes whose values a bundler inlines into client code: whatever such a variable holds,
 * every visitor of the site can read. Each entry cites the framework's documentation.
 */
export interface BrowserPrefix {
  prefix: string;
  framework: string;
  source: string;
}

export const BROWSER_PREFIXES: readonly BrowserPrefix[] = [
  { prefix: 'NEXT_PUBLIC_', framework: 'Next.js', source: 'https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser' },
  { prefix: 'VITE_', framework: 'Vite', source: 'https://vite.dev/guide/env-and-mode#env-variables' },
  { prefix: 'REACT_APP_', framework: 'Create React App', source: 'https://create-react-app.dev/docs/adding-custom-environment-variables/' },
  { prefix: 'EXPO_PUBLIC_', framework: 'Expo', source: 'https://docs.expo.dev/guides/environment-variables/' },
  { prefix: 'NUXT_PUBLIC_', framework: 'Nuxt', source: 'https://nuxt.com/docs/guide/going-further/runtime-config#environment-variables' },
  { prefix: 'GATSBY_', framework: 'Gatsby', source: 'https://www.gatsbyjs.com/docs/how-to/local-development/environment-variables/#accessing-environment-variables-in-the-browser' },
  // SvelteKit ($env/static/public) and Astro both expose PUBLIC_ variables to client code.
  { prefix: 'PUBLIC_', framework: 'SvelteKit and Astro', source: 'https://svelte.dev/docs/kit/$env-static-public' },
];

/** The browser prefix a variable name starts with, if any. */
export function browserPrefixOf(name: string): BrowserPrefix | undefined {
  return BROWSER_PREFIXES.find((p) => name.startsWith(p.prefix));
}
