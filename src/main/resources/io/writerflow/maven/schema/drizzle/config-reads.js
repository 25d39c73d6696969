// What a drizzle.config reads of its surroundings while it runs: the variables of process.env it looks at, and
// the files dotenv's stand-in reads for it. The plugin keeps the config's result until one of them (or a module
// it imports) changes (ConfigCache). The program module of a config imports this first, before the config runs.
const names = new Set();
const files = new Set();
let enumerated = false;

function note(key) {
  if (typeof key === "string") names.add(key);
}

const env = globalThis.process.env;
globalThis.process.env = new Proxy(env, {
  get(target, key) {
    note(key);
    return Reflect.get(target, key);
  },
  has(target, key) {
    note(key);
    return Reflect.has(target, key);
  },
  getOwnPropertyDescriptor(target, key) {
    note(key);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  ownKeys(target) {
    enumerated = true;
    return Reflect.ownKeys(target);
  },
  set(target, key, value) {
    return Reflect.set(target, key, value);
  },
});
// Node.js: `import { env } from "node:process"` is to see the recording object too
if (typeof globalThis.__writerflowSyncBuiltins === "function") globalThis.__writerflowSyncBuiltins();

const readFile = globalThis.__writerflowReadFile;
globalThis.__writerflowReadFile = (path) => {
  files.add(String(path));
  return readFile(path);
};

/** The names read (sorted), whether the whole environment was listed, and the files read. */
export function reads() {
  return { env: [...names].sort(), enumerated, files: [...files] };
}
