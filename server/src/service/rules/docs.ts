/**
 * Where each diagnostic code is explained. The pages live in the repository under
 * docs/rules/<code>.md; this base URL is the package's declared repository (package.json
 * `repository`), so `codeDescription.href`, SARIF `helpUri` and `envls rules` all point at
 * the same stable page.
 */
export const RULE_DOCS_BASE = 'https://github.com/envls/envls/blob/main/docs/rules/';

export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}
