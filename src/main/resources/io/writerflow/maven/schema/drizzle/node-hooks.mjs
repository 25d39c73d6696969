// Module resolution for schema.js under Node.js, registered by node-main.mjs. It gives the schema the
// modules GraalJS gives it through ModuleFileSystem, so that both runtimes evaluate the same code:
// - drizzle-orm, drizzle-orm/sqlite-core and every other package: the stand-ins in this directory;
// - the project's files, read as ES modules whatever package.json says, with drizzle-kit's lookups for
//   extension-less and directory imports (as ModuleFiles: .js, .mjs, /index.js, /index.mjs);
// - the schema file itself: the text the plugin was given;
// - URLs and Node.js built-in modules: refused, as under GraalJS.
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function lookup(path) {
  if (isFile(path)) return path;
  for (const extension of [".js", ".mjs"]) if (isFile(path + extension)) return path + extension;
  if (isDirectory(path)) {
    for (const extension of [".js", ".mjs"]) {
      const index = join(path, "index" + extension);
      if (isFile(index)) return index;
    }
  }
  return undefined;
}

const isPath = (s) => s.startsWith("./") || s.startsWith("../") || s.startsWith("/") || s === "." || s === "..";
const isPackage = (s) => s !== "" && !isPath(s) && !s.includes("\\") && !s.includes(":") && !isAbsolute(s);

function packageStandIn(specifier) {
  // a package the scan of the schema's imports did not see (the plugin writes the others): default only
  const recorder = pathToFileURL(config.recorder).href;
  return "data:text/javascript," + encodeURIComponent(`import { foreign } from ${JSON.stringify(recorder)};\n`
      + `export default foreign(${JSON.stringify(specifier)});\n`);
}

export async function resolve(specifier, context, next) {
  if (context.parentURL === undefined) return next(specifier, context);
  if (specifier.startsWith("file:")) {
    // the schema file is served from the plugin's text, which need not be on disk
    const path = fileURLToPath(specifier);
    return path === config.entry || isFile(path) ? { url: specifier, shortCircuit: true } : next(specifier, context);
  }
  const parent = context.parentURL.startsWith("file:") ? fileURLToPath(context.parentURL) : context.parentURL;
  if (isPackage(specifier)) {
    const served = config.modules[specifier];
    if (served) return { url: pathToFileURL(served).href, shortCircuit: true };
    if (specifier === "drizzle-orm" || specifier.startsWith("drizzle-orm/")) {
      return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
    }
    return { url: packageStandIn(specifier), shortCircuit: true };
  }
  if (isPath(specifier) || isAbsolute(specifier)) {
    const wanted = resolvePath(dirname(parent), specifier);
    const file = lookup(wanted);
    if (file === undefined) throw new Error(`Cannot find module '${wanted}' imported from ${parent}`);
    return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  throw new Error(`Error reading module '${specifier}' imported from ${parent}: not a file of the project`);
}

export async function load(url, context, next) {
  if (!url.startsWith("file:")) return next(url, context);
  const path = fileURLToPath(url);
  if (path === config.entry) return { format: "module", source: config.entrySource, shortCircuit: true };
  const source = readFileSync(path, "utf8");
  if (!path.startsWith(config.directory)) appendFileSync(config.imported, path + "\n");
  return { format: "module", source, shortCircuit: true };
}
