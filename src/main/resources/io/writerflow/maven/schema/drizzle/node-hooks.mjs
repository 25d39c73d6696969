// Module resolution and loading for the program under Node.js, registered by node-main.mjs. It gives the
// code the modules GraalJS gives it through ModuleFileSystem, so that both runtimes evaluate the same code:
// - every import the plugin scanned resolves as the plugin resolved it (resolutions: importer -> specifier
//   -> URL; null where it found nothing): project files, drizzle-orm's and other packages' stand-ins in this
//   directory, Node.js's built-in modules;
// - an import the scan did not see: relative files with drizzle-kit's lookups, built-ins, packages' stand-ins;
// - the project's files are read as ES modules whatever package.json says; TypeScript is transpiled (the
//   project's own esbuild when it has one, as drizzle-kit does, else TypeScript's compiler), kept in the
//   transpile cache by content, with an inline source map that --enable-source-maps uses for stacks.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { createHash } from "node:crypto";
import { dirname, isAbsolute, join, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

let config;

export function initialize(data) {
  config = data;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const EXTENSIONS = [".js", ".mjs", ".ts", ".tsx", ".mts", ".cts", ".jsx", ".cjs"];
const SWAPS = [[".js", ".ts"], [".js", ".tsx"], [".jsx", ".tsx"], [".mjs", ".mts"], [".cjs", ".cts"]];

/** As SourceFiles.candidates: the path, its TypeScript twin, with each extension, then as a directory. */
function lookup(path) {
  const candidates = [path];
  for (const [from, to] of SWAPS) if (path.endsWith(from)) candidates.push(path.slice(0, -from.length) + to);
  for (const extension of EXTENSIONS) candidates.push(path + extension);
  for (const extension of EXTENSIONS) candidates.push(join(path, "index" + extension));
  return candidates.find(isFile);
}

const isPath = (s) => s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s === "." || s === "..";
const isBuiltin = (s) => s.startsWith("node:") || builtinModules.includes(s);

function packageStandIn(specifier) {
  // a package the scan of the schema's imports did not see (the plugin writes the others): default only
  const recorder = pathToFileURL(config.recorder).href;
  return "data:text/javascript," + encodeURIComponent(`import { foreign } from ${JSON.stringify(recorder)};\n`
      + `export default foreign(${JSON.stringify(specifier)});\n`);
}

export async function resolve(specifier, context, next) {
  if (context.parentURL === undefined) return next(specifier, context);
  const parent = context.parentURL.startsWith("file:") ? fileURLToPath(context.parentURL) : context.parentURL;
  const known = config.resolutions[parent];
  if (known !== undefined && Object.prototype.hasOwnProperty.call(known, specifier)) {
    if (known[specifier] === null) {
      throw new Error(`Cannot find module '${specifier}' imported from ${parent}`);
    }
    return known[specifier].startsWith("node:") ? next(known[specifier], context)
        : { url: known[specifier], shortCircuit: true };
  }
  if (specifier.startsWith("file:")) {
    const path = fileURLToPath(specifier);
    return path in config.sources || isFile(path) ? { url: specifier, shortCircuit: true } : next(specifier, context);
  }
  if (isBuiltin(specifier)) return next(specifier, context);
  if (isPath(specifier) || isAbsolute(specifier)) {
    const wanted = resolvePath(dirname(parent), specifier);
    const file = wanted in config.sources ? wanted : lookup(wanted);
    if (file === undefined) throw new Error(`Cannot find module '${wanted}' imported from ${parent}`);
    return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  if (specifier === "drizzle-orm" || specifier.startsWith("drizzle-orm/")) {
    return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  }
  return { url: packageStandIn(specifier), shortCircuit: true };
}

const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/i;
const DECLARATION = /\.d\.(ts|mts|cts)$/i;

export async function load(url, context, next) {
  if (!url.startsWith("file:")) return next(url, context);
  const path = fileURLToPath(url);
  if (path.startsWith(config.directory)) {
    return { format: "module", source: readFileSync(path, "utf8"), shortCircuit: true };
  }
  const given = config.sources[path];
  const source = given ?? readFileSync(path, "utf8");
  if (given === undefined) appendFileSync(config.imported, path + "\n");
  const code = TYPESCRIPT.test(path) && !DECLARATION.test(path) ? transpile(path, source) : source;
  return { format: "module", source: code, shortCircuit: true };
}

// ---------------------------------------------------------------------------------------------------------
// TypeScript

let transpiler;

/** The transpiler: the project's esbuild, as drizzle-kit's loader uses, else TypeScript's compiler. */
function transpilerOf() {
  if (transpiler !== undefined) return transpiler;
  if (config.esbuild) {
    try {
      const esbuild = createRequire(join(config.esbuild, "package.json"))(config.esbuild);
      const id = `esbuild@${esbuild.version}`;
      transpiler = { id, run: (path, source, options) => runEsbuild(esbuild, path, source, options) };
      return transpiler;
    } catch {
      // an esbuild that cannot run here (another platform's binary): TypeScript's compiler does the job
    }
  }
  if (!config.typescript) throw new Error("writerflow: no TypeScript compiler was prepared for this schema");
  transpiler = { id: config.typescriptId, run: (path, source, options) => runTypeScript(path, source, options) };
  return transpiler;
}

function runEsbuild(esbuild, path, source, options) {
  try {
    const out = esbuild.transformSync(source, {
      loader: /\.tsx$/i.test(path) ? "tsx" : "ts",
      format: "esm",
      target: "es2022",
      sourcemap: "inline",
      sourcefile: path,
      tsconfigRaw: { compilerOptions: { experimentalDecorators: options.experimentalDecorators === true } },
    });
    return out.code;
  } catch (e) {
    const first = e.errors && e.errors[0];
    if (!first || !first.location) throw e;
    throw transpileError(path, first.location.line, first.location.column + 1, first.text);
  }
}

let typescript;

/** TypeScript's compiler, loaded with V8's code cache: about 50 ms instead of 250 ms for its 9 MB. */
function loadTypeScript() {
  if (typescript !== undefined) return typescript;
  const file = config.typescript;
  const cacheFile = join(dirname(file), `v8-${process.version}-${process.arch}.cache`);
  const cached = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`,
      { filename: file, cachedData: cached });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  typescript = { ts: module.exports, script, cacheFile, fresh: cached === undefined || script.cachedDataRejected };
  return typescript;
}

let transpileTypeScript;

function runTypeScript(path, source, options) {
  const compiler = loadTypeScript();
  const result = transpileTypeScript(compiler.ts, source, path, options);
  if (result.error) throw transpileError(path, result.error.line, result.error.column, result.error.message);
  if (compiler.fresh) {
    // the code cache taken after a first transpilation holds the functions that compiled, too
    compiler.fresh = false;
    writeAtomically(compiler.cacheFile, compiler.script.createCachedData());
  }
  return `${result.code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(result.map).toString("base64")}\n`;
}

function transpileError(path, line, column, message) {
  return new Error(`writerflow-transpile ${JSON.stringify({ path, line, column, message })}`);
}

function writeAtomically(file, content) {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, content);
    renameSync(partial, file);
  } catch {
    // no cache entry: the next run does the work again
  }
}

function transpile(path, source) {
  const options = { experimentalDecorators: config.decorators.includes(path) };
  const chosen = transpilerOf();
  const key = createHash("sha256")
      .update(`${chosen.id}\nexperimentalDecorators=${options.experimentalDecorators}\n${path}\n${source}`)
      .digest("hex");
  const cached = config.transpiled ? join(config.transpiled, key + ".js") : undefined;
  if (cached !== undefined && isFile(cached)) return readFileSync(cached, "utf8");
  const code = chosen.run(path, source, options);
  if (cached !== undefined) writeAtomically(cached, code);
  return code;
}

// shared with GraalJS; the plugin's directory has a package.json of "type": "module" for these imports
transpileTypeScript = (await import("./typescript-transpile.js")).transpileTypeScript;
