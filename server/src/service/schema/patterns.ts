/**
 * Compiles schema patterns once. Patterns from user schemas are screened by the
 * schema validator (no catastrophic backtracking); here a pattern that does not
 * compile is simply not applied.
 */
const cache = new Map<string, RegExp | undefined>();

export function compilePattern(pattern: string): RegExp | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let re: RegExp | undefined;
  try {
    re = new RegExp(pattern);
  } catch {
    re = undefined;
  }
  cache.set(pattern, re);
  return re;
}
