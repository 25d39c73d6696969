// Node.js's globals and built-in modules for schema code that GraalJS runs, where there is no Node.js: the
// parts a schema module touches while it loads (ids, random values, paths, file URLs, the environment) are
// implemented here as Node.js behaves; anything else is a stand-in that absorbs any use, as a package's is.
// Under Node.js the schema gets the real ones. installGlobals() runs before the schema's first module.
import { foreign } from "./recorder.js";

function randomBytesArray(length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

function getRandomValues(array) {
  const bytes = randomBytesArray(array.byteLength);
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(bytes);
  return array;
}

function randomUUID() {
  const b = randomBytesArray(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function encode(bytes, encoding) {
  if (encoding === "hex") return [...bytes].map((x) => x.toString(16).padStart(2, "0")).join("");
  if (encoding === "base64" || encoding === "base64url") {
    let binary = "";
    for (const x of bytes) binary += String.fromCharCode(x);
    const base64 = btoa(binary);
    return encoding === "base64" ? base64 : base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  return String.fromCharCode(...bytes);
}

function btoa(binary) {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < binary.length; i += 3) {
    const [a, b, c] = [binary.charCodeAt(i), binary.charCodeAt(i + 1), binary.charCodeAt(i + 2)];
    out += chars[a >> 2] + chars[((a & 3) << 4) | (b >> 4 || 0)]
        + (i + 1 < binary.length ? chars[((b & 15) << 2) | (c >> 6 || 0)] : "=")
        + (i + 2 < binary.length ? chars[c & 63] : "=");
  }
  return out;
}

const crypto = {
  randomUUID,
  getRandomValues,
  randomBytes(length) {
    const bytes = randomBytesArray(length);
    bytes.toString = (encoding) => encode(bytes, encoding);
    return bytes;
  },
  randomInt(min, max) {
    if (max === undefined) [min, max] = [0, min];
    return min + Math.floor(Math.random() * (max - min));
  },
  webcrypto: { getRandomValues, randomUUID },
};

function normalizeSegments(path) {
  const absolute = path.startsWith("/");
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? "/" + joined : joined || ".";
}

const path = {
  sep: "/",
  delimiter: ":",
  normalize(p) {
    const trailing = p.endsWith("/") && p.length > 1;
    const normal = normalizeSegments(p);
    return trailing && normal !== "/" ? normal + "/" : normal;
  },
  join(...parts) {
    const joined = parts.filter((p) => p !== "").join("/");
    return joined === "" ? "." : path.normalize(joined);
  },
  resolve(...parts) {
    let resolved = "";
    for (let i = parts.length - 1; i >= 0 && !resolved.startsWith("/"); i--) {
      if (parts[i]) resolved = parts[i] + (resolved ? "/" + resolved : "");
    }
    if (!resolved.startsWith("/")) resolved = process.cwd() + (resolved ? "/" + resolved : "");
    return normalizeSegments(resolved);
  },
  isAbsolute: (p) => p.startsWith("/"),
  dirname(p) {
    const trimmed = p.length > 1 ? p.replace(/\/+$/, "") : p;
    const i = trimmed.lastIndexOf("/");
    return i < 0 ? "." : i === 0 ? "/" : trimmed.slice(0, i);
  },
  basename(p, ext) {
    const base = p.replace(/\/+$/, "").split("/").pop();
    return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
  },
  extname(p) {
    const base = path.basename(p);
    const i = base.lastIndexOf(".");
    return i <= 0 ? "" : base.slice(i);
  },
  relative(from, to) {
    const a = path.resolve(from).split("/").filter(Boolean);
    const b = path.resolve(to).split("/").filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
  },
  parse(p) {
    const base = path.basename(p);
    const ext = path.extname(p);
    return { root: p.startsWith("/") ? "/" : "", dir: path.dirname(p), base, ext, name: ext ? base.slice(0, -ext.length) : base };
  },
  format(o) {
    return (o.dir ? o.dir + "/" : o.root || "") + (o.base || (o.name || "") + (o.ext || ""));
  },
};
path.posix = path;

/** WHATWG URL, enough for file: URLs and absolute http(s) URLs, which is what schema code builds. */
class URL {
  constructor(input, base) {
    input = String(input);
    const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(input);
    if (!absolute) {
      if (base === undefined) throw new TypeError(`Invalid URL: ${input}`);
      const b = new URL(base);
      const pathname = input.startsWith("/") ? input : b.pathname.replace(/[^/]*$/, "") + input;
      input = `${b.protocol}//${b.host}${normalizeSegments(pathname.split(/[?#]/)[0])}${input.match(/[?#].*$/)?.[0] ?? ""}`;
    }
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(input);
    if (!m) throw new TypeError(`Invalid URL: ${input}`);
    this.protocol = m[1].toLowerCase();
    this.host = m[2] ?? "";
    this.hostname = this.host.replace(/:\d+$/, "");
    this.port = (this.host.match(/:(\d+)$/) || [])[1] ?? "";
    this.pathname = m[3] || (this.host !== "" ? "/" : "");
    this.search = m[4] && m[4] !== "?" ? m[4] : "";
    this.hash = m[5] && m[5] !== "#" ? m[5] : "";
    this.username = "";
    this.password = "";
  }

  get origin() {
    return this.protocol === "file:" ? "null" : `${this.protocol}//${this.host}`;
  }

  get href() {
    return `${this.protocol}${this.host !== "" || this.protocol === "file:" ? "//" + this.host : ""}${this.pathname}${this.search}${this.hash}`;
  }

  toString() {
    return this.href;
  }

  toJSON() {
    return this.href;
  }
}

const url = {
  URL,
  fileURLToPath(u) {
    const parsed = u instanceof URL ? u : new URL(String(u));
    if (parsed.protocol !== "file:") throw new TypeError("The URL must be of scheme file");
    return decodeURIComponent(parsed.pathname);
  },
  pathToFileURL(p) {
    return new URL("file://" + encodeURI(path.resolve(p)).replace(/\?/g, "%3F").replace(/#/g, "%23"));
  },
};

class TextEncoder {
  get encoding() {
    return "utf-8";
  }

  encode(text = "") {
    const utf8 = unescape(encodeURIComponent(text));
    const bytes = new Uint8Array(utf8.length);
    for (let i = 0; i < utf8.length; i++) bytes[i] = utf8.charCodeAt(i);
    return bytes;
  }
}

class TextDecoder {
  decode(bytes = new Uint8Array(0)) {
    let binary = "";
    for (const x of new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength ?? bytes.length)) {
      binary += String.fromCharCode(x);
    }
    return decodeURIComponent(escape(binary));
  }
}

let process;

/** Node.js's globals, for GraalJS: process (with the environment the plugin resolved), crypto, URL, text codecs. */
export function installGlobals(env, cwd) {
  process = {
    env: { ...env },
    cwd: () => cwd,
    platform: "linux",
    argv: ["node", "drizzle-kit"],
    version: "v20.0.0",
    versions: { node: "20.0.0" },
    exit: () => {},
    on: () => process,
    nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
    emitWarning: () => {},
  };
  globalThis.process = process;
  globalThis.crypto = crypto.webcrypto;
  globalThis.URL = URL;
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;
  globalThis.btoa = btoa;
}

const MODULES = { crypto, path, url, "path/posix": path };

/** The built-in module {@code name} (without "node:"), as far as it is implemented here. */
export function builtin(name) {
  if (name === "process") return process;
  return MODULES[name] ?? foreign(`node:${name}`);
}
