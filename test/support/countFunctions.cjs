// Preloaded with `node -r`: counts code compiled with the Function constructor (what ajv does to
// compile a JSON Schema) and prints the count to stderr at exit.
const Original = Function;
let count = 0;
globalThis.Function = new Proxy(Original, {
  construct(target, args) { count++; return Reflect.construct(target, args); },
  apply(target, self, args) { count++; return Reflect.apply(target, self, args); },
});
process.on('exit', () => process.stderr.write(`compiled functions: ${count}\n`));
