// Runs the plugin's program under Node.js (NodeSchemaEvaluator). Argument: the directory the plugin wrote
// its modules into, with program.json (what node-hooks.mjs needs: the resolutions, the texts given in place
// of files, the transpilers) and program.mjs (the program module: the entries, then the result as its
// default export). Writes there either result.json, what the program module exported, or error.json,
// { name, kind, message, at, frame, stack }. A syntax error is rethrown instead: only Node's report of an
// uncaught one names the file, line and column, which the plugin reads from it.
import * as module from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (typeof module.register !== "function") {
  process.stderr.write(`writerflow: Node.js ${process.version} cannot load module hooks (20.6 or newer can)\n`);
  process.exit(3);
}

const [directory] = process.argv.slice(2);
const config = {
  ...JSON.parse(readFileSync(join(directory, "program.json"), "utf8")),
  directory: directory + sep,
  recorder: join(directory, "recorder.js"),
  imported: join(directory, "imported.txt"),
};
module.register(pathToFileURL(join(directory, "node-hooks.mjs")).href, { data: config });
// config-reads.js lets `import { env } from "node:process"` see the environment it records reads of
globalThis.__writerflowSyncBuiltins = module.syncBuiltinESMExports;
// what dotenv's stand-in reads .env files with (GraalJS gets the same function from the plugin)
globalThis.__writerflowReadFile = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

const FRAME = /^\s*at (?:.*? \()?(.+):(\d+):(\d+)\)?$/;
const TRANSPILE = /writerflow-transpile (\{.*\})/;

/** A "file:///path" of a stack frame or call site as a plain path; other names as they are. */
function pathOf(file) {
  return file.startsWith("file:") ? fileURLToPath(file) : file;
}

/** The innermost frame in the project's files: not Node's own, not the plugin's. */
function userFrame(stack) {
  for (const line of String(stack).split("\n")) {
    const m = FRAME.exec(line);
    if (!m || !(m[1].startsWith("file:") || m[1].startsWith("/"))) continue;
    const path = pathOf(m[1]);
    if (!path.startsWith(config.directory)) return { path, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function describe(e) {
  const transpile = TRANSPILE.exec(String(e && e.message));
  if (transpile) {
    const { path, line, column, message } = JSON.parse(transpile[1]);
    return { name: "TranspileError", message, frame: { path, line, column } };
  }
  if (e instanceof Error) {
    return {
      name: e.name,
      kind: e.name === "WriterflowError" ? e.kind : undefined,
      message: e.name === "WriterflowError" ? e.message : String(e),
      at: e.at,
      frame: userFrame(e.stack),
      stack: e instanceof SyntaxError ? String(e.stack) : undefined,
    };
  }
  return { name: "thrown", message: String(e) };
}

try {
  const program = await import(pathToFileURL(join(directory, "program.mjs")).href);
  writeFileSync(join(directory, "result.json"), program.default);
} catch (e) {
  if (e instanceof SyntaxError && !String(e.stack).startsWith("file:")) throw e;
  writeFileSync(join(directory, "error.json"), JSON.stringify(describe(e)));
}
