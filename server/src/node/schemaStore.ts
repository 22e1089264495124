/**
 * Builtin schemas plus the user's schema files (envls.schemaFiles, --schema-file).
 * A broken user file is reported (problems with offsets, for diagnostics on that
 * file) and left out; every other schema keeps working.
 */
import { readFileSync } from 'node:fs';
import { builtinSchemaFiles, builtinSchemas } from '../service/schema/builtin';
import { composeSchemas } from '../service/schema/compose';
import type { ResolvedSchema } from '../service/schema/types';
import { validateSchemaText, type SchemaProblem } from '../service/schema/validateFile';

export class SchemaStore {
  private schemas: ReadonlyMap<string, ResolvedSchema> | undefined;
  /** Per user schema file path: its text and problems (empty list when fine). */
  readonly fileProblems = new Map<string, { text: string; problems: SchemaProblem[] }>();

  constructor(
    private readonly log: (message: string) => void = () => {},
    private readonly readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  ) {}

  /** Until load() is called with user files: the builtin schemas (composed at build time in the bundles). */
  get available(): ReadonlyMap<string, ResolvedSchema> {
    return this.schemas ?? builtinSchemas();
  }

  /** (Re)loads with these user schema files; returns the ids they added. */
  load(userFiles: readonly string[]): string[] {
    this.fileProblems.clear();
    if (userFiles.length === 0) {
      // No user file: nothing to compose or validate (no JSON Schema validator is compiled), and the
      // builtin index is read on first use (an analysis), not while the server answers initialize.
      this.schemas = undefined;
      return [];
    }
    const files: { origin: string; json: unknown }[] = [...builtinSchemaFiles()];
    for (const path of userFiles) {
      let text: string;
      try {
        text = this.readText(path);
      } catch (error) {
        this.log(`envls: cannot read schema file ${path}: ${(error as Error).message}`);
        this.fileProblems.set(path, { text: '', problems: [{ start: 0, end: 0, message: `Cannot read: ${(error as Error).message}` }] });
        continue;
      }
      const checked = validateSchemaText(text);
      this.fileProblems.set(path, { text, problems: checked.problems });
      if (checked.problems.length > 0 || checked.json === undefined) {
        this.log(`envls: schema file ${path} has ${checked.problems.length} problem(s) and is not used: ${checked.problems[0]?.message ?? 'no content'}`);
        continue;
      }
      files.push({ origin: path, json: checked.json });
    }
    const { schemas, problems } = composeSchemas(files);
    for (const problem of problems) {
      this.log(`envls: schema ${problem.origin}: ${problem.message}`);
      const entry = this.fileProblems.get(problem.origin);
      if (entry) entry.problems.push({ start: 0, end: 0, message: problem.message });
    }
    this.schemas = schemas;
    return [...schemas.values()].filter((s) => userFiles.includes(s.origin)).map((s) => s.id);
  }
}
