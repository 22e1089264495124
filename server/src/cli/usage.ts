/** `envls --help`: every command, flag and exit code (the README's CLI section says the same). */
export const USAGE = `Usage:
  envls check [PATH|GLOB ...] [options]
      Check .env files. Folders are searched for .env, .env.*, *.env (symbolic links are
      not followed; node_modules, .git and dist are skipped); no PATH means the current folder.
      -f, --format FORMAT      text (default): path:line:col: severity code message
                               json: stable JSON (see the README), sarif: SARIF 2.1.0,
                               github: GitHub Actions annotations (::error file=…)
      --schema ID[,ID]         bind these schemas (else # envls-schema comments, else detection)
      --schema-file FILE       load a schema file in envls's format (repeatable)
      --rules dotenv-linter    also run dotenv-linter's style checks
      --unknown                report every variable the schemas do not know
      --no-detect              do not detect products from the variables present
      --fix                    apply the safe fixes and write the files that changed
      --no-project             check each file alone: without the files loaded with it, its
                               app's .env.example and git (no shadowedVariable, missingExampleVariable,
                               undocumentedVariable, notGitignored)
      --code                   also read the code of each file's app (JavaScript/TypeScript, Python,
                               Go, Ruby, PHP, Rust, shell, Dockerfile, compose): unusedVariable on
                               the env files, unsetVariable in the code files
      -q, --quiet              report errors only (warnings still count for --max-warnings)
      --max-warnings N         exit 1 when there are more than N warnings
      --color, --no-color      force colour on or off (default: on for a terminal unless NO_COLOR is set)
  envls parse FILE [--expand] [--dialect dotenv|compose]
      Print, as JSON, the object dotenv.parse returns for FILE
      (--expand: after dotenv-expand, without command substitution;
      --dialect compose: what docker compose reads from it as an env_file or
      project .env, with no shell variables set; exit 1 if compose refuses it).
  envls rules [--json]         every diagnostic code: default severity, group, description, docs URL
  envls schemas                the schema ids envls knows
  envls diff A B [--values] [--format text|json]
      The keys only one file sets; --values: also the keys whose values differ (sensitive
      values masked). Exit 0 when they agree, 1 when they differ.
  envls sync [--from EXAMPLE] [--to FILE] [--write]
      Add to FILE (default .env) the variables of EXAMPLE (default: the app's nearest
      .env.example, .env.sample, …) it lacks, with the example's comments, in its order;
      sensitive values are left empty and no value is ever overwritten. Prints the change;
      --write writes it.
  envls usage VARIABLE [FOLDER] [--json]
      Where the code under FOLDER (default: the current folder) reads VARIABLE, as
      path:line:col, "(fallback)" when the code has its own default, "(sets)" where a compose
      file or Dockerfile sets it. JavaScript/TypeScript, Python, Go, Ruby, PHP, Rust, shell,
      Dockerfile and compose files; dependencies, build output and git-ignored files are
      skipped. Exit 0 when some code reads it, 1 when none does.
  envls --version, envls --help
Exit codes:
  0  no error-severity problem (and no more warnings than --max-warnings)
  1  error-severity problems, or more warnings than --max-warnings (parse --dialect compose: compose refuses the file)
  2  a file could not be read, a path matched nothing, or bad usage`;
