// Evaluates schema.js under Node.js for the plugin (NodeSchemaEvaluator). Arguments: the directory the
// plugin wrote the stand-ins into (with schema-source.js, the schema's text, and modules.tsv, the packages'
// stand-ins), and the schema file's path. Writes there either snapshot.json, the drizzle-kit snapshot, or
// error.json, { name, kind, message, at, frame, stack }. A syntax error is rethrown instead: only Node's
// report of an uncaught one names the file, line and column, which the plugin reads from it.
import * as module from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (typeof module.register !== "function") {
  process.stderr.write(`writerflow: Node.js ${process.version} cannot load module hooks (20.6 or newer can)\n`);
  process.exit(3);
}

const [directory, entry] = process.argv.slice(2);
const config = {
  entry,
  entrySource: readFileSync(join(directory, "schema-source.js"), "utf8"),
  directory: directory + sep,
  recorder: join(directory, "recorder.js"),
  imported: join(directory, "imported.txt"),
  modules: Object.fromEntries(readFileSync(join(directory, "modules.tsv"), "utf8").split("\n")
      .filter((line) => line !== "").map((line) => line.split("\t"))),
};
module.register(pathToFileURL(join(directory, "node-hooks.mjs")).href, { data: config });

const FRAME = /^\s*at (?:.*? \()?(.+):(\d+):(\d+)\)?$/;

/** A "file:///path" of a stack frame or call site as a plain path; other names as they are. */
function pathOf(file) {
  return file.startsWith("file:") ? fileURLToPath(file) : file;
}

/** The innermost frame in the project's files: not Node's own, not the plugin's. */
function userFrame(stack) {
  for (const line of String(stack).split("\n")) {
    const m = FRAME.exec(line);
    if (!m || !m[1].startsWith("file:")) continue;
    const path = pathOf(m[1]);
    if (!path.startsWith(config.directory)) return { path, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function describe(e) {
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
  const exports = await import(pathToFileURL(config.entry).href);
  const { snapshot } = await import(pathToFileURL(config.recorder).href);
  writeFileSync(join(directory, "snapshot.json"), snapshot(exports));
} catch (e) {
  if (e instanceof SyntaxError && !String(e.stack).startsWith("file:")) throw e;
  writeFileSync(join(directory, "error.json"), JSON.stringify(describe(e)));
}
