// "dotenv" as a drizzle.config or schema sees it when writerflow reads them: config() reads the files it is
// given (by default .env in the project directory) into process.env without overriding what is set, as
// dotenv 16 does. process.env already holds the environment, .env.local and .env as the plugin resolved
// them, so the common `import "dotenv/config"` changes nothing.

const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

export function parse(src) {
  const parsed = {};
  const lines = String(src).replace(/\r\n?/gm, "\n");
  let match;
  while ((match = LINE.exec(lines)) != null) {
    let value = (match[2] || "").trim();
    const quote = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/gm, "$2");
    if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    parsed[match[1]] = value;
  }
  LINE.lastIndex = 0;
  return parsed;
}

export function populate(target, parsed, options = {}) {
  for (const key of Object.keys(parsed)) {
    if (options.override === true || !Object.prototype.hasOwnProperty.call(target, key)) target[key] = parsed[key];
  }
}

export function config(options = {}) {
  const cwd = globalThis.process.cwd();
  const paths = options.path === undefined ? [".env"] : Array.isArray(options.path) ? options.path : [options.path];
  const parsed = {};
  let found = false;
  for (const path of paths) {
    const file = String(path).startsWith("/") ? String(path) : `${cwd}/${path}`;
    const text = globalThis.__writerflowReadFile(file);
    if (text == null) continue;
    found = true;
    const values = parse(text);
    for (const key of Object.keys(values)) if (!(key in parsed)) parsed[key] = values[key];
  }
  populate(options.processEnv || globalThis.process.env, parsed, options);
  return found ? { parsed } : { parsed, error: new Error(`ENOENT: no such file ${paths.join(", ")}`) };
}

export default { config, parse, populate };
