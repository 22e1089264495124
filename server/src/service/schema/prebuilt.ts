/**
 * The builtin schemas composed at build time, as snapshot.ts's JSON. This source
 * says "not prebuilt" (tests compose from the schema files); scripts/build.mjs
 * replaces this module in the bundles with the composed, validated result.
 */
export const PREBUILT_BUILTIN_SCHEMAS: string | undefined = undefined;
