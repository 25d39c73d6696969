// writerflow's stand-in for drizzle-orm's SQLite API, evaluated by Node.js or GraalJS when the plugin reads
// schema.js. The schema's `import ... from "drizzle-orm"` and `"drizzle-orm/sqlite-core"` resolve to small
// facades that re-export from this module and from query-builder.js (views and the select query builder,
// which builds on the SQL core here; see DrizzleSchemaLoader).
//
// It records what the schema declares and then serializes it the way drizzle-kit 0.31's
// generateSqliteSnapshot does, into a snapshot (version "6") that SnapshotCodec reads. Every formatting rule
// below (type names, default literals, implicit constraint names, how sql`` renders columns) mirrors
// drizzle-orm 0.45 / drizzle-kit 0.31 so the plugin and drizzle-kit agree on the same schema.js; where
// drizzle-kit crashes or silently drops something, this module fails with a message naming the place.
//
// Entry points for the loader (everything else exported here is for the facades and query-builder.js):
// - configure({ casing }): drizzle-kit's settings that change the snapshot. `casing` is drizzle.config's
//   `casing`: undefined (or absent, or null) for none, "snake_case" or "camelCase"; anything else throws a
//   WriterflowError ("invalid"). It converts the names of columns declared without one (`text()`, named
//   by their key) in the snapshot: columns, index columns, foreign and primary keys, unique constraints,
//   and columns inside checks, index expressions and WHERE, generated columns and view definitions, as
//   drizzle-kit does. Call it once, before snapshot(): it may come before or after the schema module is
//   evaluated, as the schema's own code never sees it. Not calling it means no casing.
// - snapshot(exports): the schema module's namespace (or any object of its exports) -> the snapshot's JSON
//   text; throws a WriterflowError { name: "WriterflowError", kind, message, at } for a schema that
//   drizzle-kit would refuse, crash on or misread.

// ---------------------------------------------------------------------------------------------------------
// Errors and call sites

/**
 * A failure the plugin reports as a problem in schema.js: kind is "unsupported" or "invalid"; at is where in
 * the schema, as "file:line:column" (given as a captured stack, see capture()).
 */
class WriterflowError extends Error {
  constructor(kind, message, at) {
    super(message);
    this.name = "WriterflowError";
    this.kind = kind;
    this.at = siteOf(at);
  }
}

const FRAME = /^\s*at (?:.*? \()?(.+):(\d+):(\d+)\)?$/;

function frames(stack) {
  const result = [];
  for (const line of String(stack).split("\n")) {
    const m = FRAME.exec(line);
    if (m) result.push({ file: pathOf(m[1]), line: m[2], column: m[3] });
  }
  return result;
}

/** A file as a path: Node.js names ES modules by "file:" URL in stacks, GraalJS by path. */
function pathOf(file) {
  if (!file.startsWith("file://")) return file;
  const path = decodeURIComponent(file.slice("file://".length));
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

// Frames from this directory are the stand-in itself; the first other frame is the schema's code. Found
// when first needed: the first stack read and regex match cost a noticeable moment in a cold engine.
let ownDir;

function ownDirectory() {
  if (ownDir === undefined) {
    const own = frames(new Error().stack)[0].file;
    ownDir = own.slice(0, Math.max(own.lastIndexOf("/"), own.lastIndexOf("\\")) + 1);
  }
  return ownDir;
}

/**
 * The current stack, kept to name the schema's line if something turns out wrong later. GraalJS formats a
 * stack only when it is read, which siteOf does for the few that are ever needed; reading every one would
 * cost a noticeable part of a large schema's load time.
 */
export function capture() {
  return new Error();
}

/** "file:line:column" of the first frame outside this module in a captured stack (or a site already). */
function siteOf(captured) {
  if (captured === undefined || typeof captured === "string") return captured;
  for (const f of frames(captured.stack)) {
    if (!f.file.startsWith(ownDirectory())) return `${f.file}:${f.line}:${f.column}`;
  }
  return undefined;
}

/** Where the schema called into drizzle. */
export function callSite() {
  return siteOf(new Error());
}

function unsupported(what, at) {
  return new WriterflowError("unsupported", what, at);
}

export function invalid(message, at) {
  return new WriterflowError("invalid", message, at);
}

/** What a drizzle export the stand-in does not implement does when the schema uses it. */
export function unsupportedCall(name, module) {
  throw unsupported(`${name}() from "${module}" is not supported when writerflow reads the schema`, callSite());
}

// ---------------------------------------------------------------------------------------------------------
// Settings (configure) and drizzle's casing (drizzle-orm/casing.js)

const settings = { casing: undefined };

const CASINGS = ["snake_case", "camelCase"];

/** The loader's entry point for drizzle-kit settings; see the top of this file. */
export function configure(options = {}) {
  const casing = options === null ? undefined : options.casing ?? undefined;
  if (casing !== undefined && !CASINGS.includes(casing)) {
    throw invalid(`casing must be "snake_case" or "camelCase" (as in drizzle.config), not ${JSON.stringify(casing)}`);
  }
  settings.casing = casing;
}

const CASE_WORDS = /[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g;

/** drizzle-orm's toSnakeCase. */
export function toSnakeCase(input) {
  const words = input.replace(/['\u2019]/g, "").match(CASE_WORDS) ?? [];
  return words.map((word) => word.toLowerCase()).join("_");
}

/** drizzle-orm's toCamelCase. */
export function toCamelCase(input) {
  const words = input.replace(/['\u2019]/g, "").match(CASE_WORDS) ?? [];
  return words.reduce((acc, word, i) => acc + (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1)),
      "");
}

/**
 * A column's name under a casing, as drizzle's CasingCache.getColumnCasing gives it: only a column named by its
 * key (declared without a name) is converted.
 */
export function columnCasing(column, casing) {
  if (!column.keyAsName || casing === undefined) return column.name;
  return casing === "camelCase" ? toCamelCase(column.name) : toSnakeCase(column.name);
}

/** drizzle-kit's getColumnCasing: the name a column has in the snapshot under the configured casing. */
function snapshotName(column) {
  return column.name ? columnCasing(column, settings.casing) : "";
}

// ---------------------------------------------------------------------------------------------------------
// Values from packages other than drizzle-orm (nanoid, @paralleldrive/cuid2, ...). writerflow does not load
// node_modules; such imports get stand-ins that absorb any use, so that $defaultFn(() => createId()) and
// similar runtime-only code still loads. A stand-in value that reaches the DDL (a default, a name, sql``)
// fails, because its real value is unknown here.

const FOREIGN = new WeakMap();

export function foreign(specifier, path = specifier) {
  const target = function () {};
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (prop === "then" || prop === "toJSON") return undefined;
      if (prop === Symbol.toPrimitive) return () => `[${path} from "${specifier}"]`;
      if (typeof prop === "symbol") return undefined;
      return foreign(specifier, `${path}.${prop}`);
    },
    apply() {
      return foreign(specifier, `${path}()`);
    },
    construct() {
      return foreign(specifier, `new ${path}()`);
    },
  });
  FOREIGN.set(proxy, { specifier, path });
  return proxy;
}

export function rejectForeign(value, where, depth = 0) {
  // the stand-ins are functions; plain objects and arrays may carry one (a default, an options object)
  if (typeof value === "function") {
    const origin = FOREIGN.get(value);
    if (origin) {
      throw unsupported(`${where} received ${origin.path}, a value from the package "${origin.specifier}"; `
          + "writerflow reads the schema without node_modules, so only drizzle-orm and the project's own "
          + "files can supply values that end up in the database schema (runtime-only code such as "
          + "$defaultFn(() => ...) may use any package)", callSite());
    }
  } else if (typeof value === "object" && value !== null && depth < 4
      && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
    for (const key in value) rejectForeign(value[key], where, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Guarding builders: a method drizzle has but this module does not implement fails with its name and the
// schema's line, instead of a bare "is not a function". The check sits at the end of each builder class's
// prototype chain, so the methods that exist are found without it.

// names that drizzle and JavaScript probe for on any object; asking for them is no call to report
const PROBED = new Set(["then", "toJSON", "getSQL", "shouldOmitSQLParens", "mapToDriverValue", "constructor"]);

export function trapUnknownMembers(cls, label) {
  const base = Object.getPrototypeOf(cls.prototype);
  Object.setPrototypeOf(cls.prototype, new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target || PROBED.has(prop)) return Reflect.get(target, prop, receiver);
      return function () {
        throw unsupported(`${label(receiver)}.${prop}() is not supported when writerflow reads the schema`,
            callSite());
      };
    },
  }));
}

/**
 * Runs a call from the schema into this module; a failure found deep inside it gets the schema's call site,
 * because GraalJS keeps only the innermost 10 frames of a stack.
 */
export function located(call) {
  try {
    return call();
  } catch (e) {
    if (e instanceof WriterflowError && e.at === undefined) e.at = callSite();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// sql`` (drizzle-orm/sql/sql.js): chunks kept as drizzle keeps them, rendered by toQuery() below.

class StringChunk {
  constructor(value) {
    this.value = Array.isArray(value) ? value : [value];
  }
}

export class Name {
  constructor(value) {
    this.value = value;
  }
}

class Param {
  constructor(value, encoder) {
    this.value = value;
    this.encoder = encoder;
  }
}

export class SQL {
  constructor(queryChunks) {
    this.queryChunks = queryChunks;
    this.shouldInlineParams = false;
  }

  append(query) {
    this.queryChunks.push(...query.queryChunks);
    return this;
  }

  getSQL() {
    return this;
  }

  as(alias) {
    return alias === undefined ? this : new Aliased(this, alias);
  }

  mapWith() {
    return this;
  }

  inlineParams() {
    this.shouldInlineParams = true;
    return this;
  }

  if(condition) {
    return condition ? this : undefined;
  }
}

export class Aliased {
  constructor(sqlValue, fieldAlias) {
    this.sql = sqlValue;
    this.fieldAlias = fieldAlias;
    // a field read back from a selection (a subquery's or view's): selected by its alias alone
    this.isSelectionField = false;
  }

  getSQL() {
    return this.sql;
  }

  clone() {
    return new Aliased(this.sql, this.fieldAlias);
  }
}

/** drizzle-orm/subquery.js: a select given an alias (`.as("sq")`), or a `$with` query (isWith). */
export class Subquery {
  constructor(sqlValue, selectedFields, alias, isWith = false) {
    this._ = { brand: "Subquery", sql: sqlValue, selectedFields, alias, isWith };
  }
}

function sqlTag(strings, ...params) {
  if (!Array.isArray(strings)) {
    throw unsupported("sql(...) called as a function; use it as a tagged template: sql`...`", callSite());
  }
  const chunks = [];
  if (params.length > 0 || (strings.length > 0 && strings[0] !== "")) {
    chunks.push(new StringChunk(strings[0]));
  }
  params.forEach((param, i) => chunks.push(param, new StringChunk(strings[i + 1])));
  return new SQL(chunks);
}

export const sql = Object.assign(sqlTag, {
  raw: (text) => new SQL([new StringChunk(text)]),
  empty: () => new SQL([]),
  fromList: (list) => new SQL(list),
  join: (chunks, separator) => {
    const result = [];
    chunks.forEach((chunk, i) => {
      if (i > 0 && separator !== undefined) result.push(separator);
      result.push(chunk);
    });
    return new SQL(result);
  },
  identifier: (value) => new Name(value),
  param: (value, encoder) => new Param(value, encoder),
  placeholder: (name) => {
    throw unsupported(`sql.placeholder("${name}") has no meaning in a schema`, callSite());
  },
});

function escapeName(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function escapeString(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SQLiteDialect.sqlToQuery(sql, invokeSource).sql, with drizzle-kit's dialect (the configured casing).
 * Columns render as "col" for index expressions and generated columns (invokeSource "indexes") and as
 * "table"."col" elsewhere (checks, index WHERE, views); values become ? unless inlined. For defaults
 * (drizzle-kit's sqlToStr) names and values are an error.
 */
function toQuery(value, options) {
  return render([value], {
    source: options.source, inline: false, forDefault: options.forDefault, casing: settings.casing,
  });
}

function render(chunks, config) {
  let out = "";
  for (const chunk of chunks) out += renderChunk(chunk, config);
  return out;
}

function noDefaultParams() {
  throw invalid("a sql`` default may only contain SQL text: drizzle-kit cannot write interpolated columns, "
      + "names or values into a DEFAULT (\"we don't support params for `sql` default values\"); "
      + "write the expression literally or use sql.raw()");
}

function renderChunk(chunk, config) {
  if (typeof chunk === "function") rejectForeign(chunk, "sql``");
  if (chunk instanceof StringChunk) return chunk.value.join("");
  if (chunk instanceof Name) return config.forDefault ? noDefaultParams() : escapeName(chunk.value);
  if (chunk === undefined) return "";
  if (Array.isArray(chunk)) {
    return "(" + chunk.map((item) => renderChunk(item, config)).join(", ") + ")";
  }
  if (chunk instanceof SQL) {
    return render(chunk.queryChunks, { ...config, inline: config.inline || chunk.shouldInlineParams });
  }
  if (chunk instanceof SQLiteTable) {
    return config.forDefault ? noDefaultParams() : escapeName(chunk[TABLE].name);
  }
  if (chunk instanceof Column) {
    if (config.forDefault) return noDefaultParams();
    const name = columnCasing(chunk, config.casing);
    return config.source === "indexes" ? escapeName(name)
        : escapeName(chunk.table[TABLE].name) + "." + escapeName(name);
  }
  if (chunk instanceof SQLiteView) {
    return config.forDefault ? noDefaultParams() : escapeName(chunk[VIEW].name);
  }
  if (chunk instanceof Param) {
    const mapped = chunk.value === null ? null
        : chunk.encoder && typeof chunk.encoder.mapToDriverValue === "function"
            ? chunk.encoder.mapToDriverValue(chunk.value) : chunk.value;
    if (mapped instanceof SQL) return render([mapped], config);
    return param(mapped, config);
  }
  if (chunk instanceof Aliased && chunk.fieldAlias !== undefined) {
    return config.forDefault ? noDefaultParams() : escapeName(chunk.fieldAlias);
  }
  if (chunk instanceof Subquery) {
    if (config.forDefault) return noDefaultParams();
    const { alias, isWith, sql: query } = chunk._;
    return isWith ? escapeName(alias) : "(" + render([query], config) + ") " + escapeName(alias);
  }
  if (chunk !== null && chunk !== undefined && typeof chunk.getSQL === "function") {
    if (typeof chunk.shouldOmitSQLParens === "function" && chunk.shouldOmitSQLParens()) {
      return render([chunk.getSQL()], config);
    }
    return "(" + render([chunk.getSQL()], config) + ")";
  }
  return param(chunk, config);
}

function param(value, config) {
  if (config.forDefault) return noDefaultParams();
  return config.inline ? inlineParam(value) : "?";
}

function inlineParam(value) {
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "boolean") return value.toString();
  if (typeof value === "string") return escapeString(value);
  if (typeof value === "object") {
    const text = value.toString();
    return escapeString(text === "[object Object]" ? JSON.stringify(value) : text);
  }
  throw invalid("Unexpected param value: " + String(value));
}

// Conditions (drizzle-orm/sql/expressions), for index WHERE clauses, checks and views.

function bindIfParam(value, column) {
  if (column instanceof Column && !(value instanceof SQL) && !(value instanceof Param) && !(value instanceof Column)
      && !(value instanceof SQLiteTable) && !(value instanceof SQLiteView)
      && !(value !== null && value !== undefined && typeof value.getSQL === "function")) {
    return new Param(value, column);
  }
  return value;
}

function joined(conditions, separator) {
  const present = conditions.filter((c) => c !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return new SQL(present);
  return new SQL([new StringChunk("("), sql.join(present, new StringChunk(` ${separator} `)), new StringChunk(")")]);
}

export const eq = (left, right) => sql`${left} = ${bindIfParam(right, left)}`;
export const ne = (left, right) => sql`${left} <> ${bindIfParam(right, left)}`;
export const gt = (left, right) => sql`${left} > ${bindIfParam(right, left)}`;
export const gte = (left, right) => sql`${left} >= ${bindIfParam(right, left)}`;
export const lt = (left, right) => sql`${left} < ${bindIfParam(right, left)}`;
export const lte = (left, right) => sql`${left} <= ${bindIfParam(right, left)}`;
export const and = (...conditions) => joined(conditions, "and");
export const or = (...conditions) => joined(conditions, "or");
export const not = (condition) => sql`not ${condition}`;
export const isNull = (value) => sql`${value} is null`;
export const isNotNull = (value) => sql`${value} is not null`;
export const exists = (subquery) => sql`exists ${subquery}`;
export const notExists = (subquery) => sql`not exists ${subquery}`;
export const like = (column, value) => sql`${column} like ${value}`;
export const notLike = (column, value) => sql`${column} not like ${value}`;
export const ilike = (column, value) => sql`${column} ilike ${value}`;
export const notIlike = (column, value) => sql`${column} not ilike ${value}`;
export const asc = (column) => sql`${column} asc`;
export const desc = (column) => sql`${column} desc`;
export const between = (column, min, max) =>
    sql`${column} between ${bindIfParam(min, column)} and ${bindIfParam(max, column)}`;
export const notBetween = (column, min, max) =>
    sql`${column} not between ${bindIfParam(min, column)} and ${bindIfParam(max, column)}`;
export const inArray = (column, values) => {
  if (!Array.isArray(values)) return sql`${column} in ${bindIfParam(values, column)}`;
  return values.length === 0 ? sql`false` : sql`${column} in ${values.map((v) => bindIfParam(v, column))}`;
};
export const notInArray = (column, values) => {
  if (!Array.isArray(values)) return sql`${column} not in ${bindIfParam(values, column)}`;
  return values.length === 0 ? sql`true` : sql`${column} not in ${values.map((v) => bindIfParam(v, column))}`;
};

// Aggregates (drizzle-orm/sql/functions/aggregate.js), for views' selections, HAVING and ORDER BY.

export const count = (expression) => sql`count(${expression || sql.raw("*")})`;
export const countDistinct = (expression) => sql`count(distinct ${expression})`;
export const avg = (expression) => sql`avg(${expression})`;
export const avgDistinct = (expression) => sql`avg(distinct ${expression})`;
export const sum = (expression) => sql`sum(${expression})`;
export const sumDistinct = (expression) => sql`sum(distinct ${expression})`;
export const max = (expression) => sql`max(${expression})`;
export const min = (expression) => sql`min(${expression})`;

// ---------------------------------------------------------------------------------------------------------
// Columns (drizzle-orm/column-builder.js, sqlite-core/columns/*.js)

/**
 * A column builder. As in drizzle, `config` is what the builder methods change; a builder used in two
 * tables builds a separate Column for each (sqliteTable calls build), from the config as it is then.
 */
class ColumnBuilder {
  constructor(factory, name, kind) {
    this.factory = factory;
    this.kind = kind;
    this.config = {
      name,
      // named by its key in the table (no name given): the name drizzle-kit's casing converts
      keyAsName: name === "",
      notNull: false,
      default: undefined,
      primaryKey: false,
      isUnique: false,
      uniqueName: undefined,
      generated: undefined,
      autoIncrement: false,
    };
    this.foreignKeyConfigs = [];
  }

  $type() {
    return this;
  }

  notNull() {
    this.config.notNull = true;
    return this;
  }

  default(value) {
    rejectForeign(value, `${this.factory}(…).default()`);
    if (value instanceof SQL) {
      located(() => toQuery(value, { forDefault: true }));
    } else if (typeof value === "bigint") {
      throw invalid("default() with a BigInt: drizzle-kit cannot write it into the snapshot "
          + "(\"Do not know how to serialize a BigInt\"); use sql`...` with the literal", callSite());
    }
    this.config.default = value;
    return this;
  }

  $defaultFn() {
    return this;
  }

  $default() {
    return this;
  }

  $onUpdateFn() {
    return this;
  }

  $onUpdate() {
    return this;
  }

  primaryKey(options) {
    if (this.kind.integer && options && options.autoIncrement) {
      this.config.autoIncrement = true;
    }
    this.config.primaryKey = true;
    this.config.notNull = true;
    return this;
  }

  unique(name) {
    rejectForeign(name, `${this.factory}(…).unique()`);
    this.config.isUnique = true;
    this.config.uniqueName = name;
    return this;
  }

  references(ref, actions = {}) {
    if (typeof ref !== "function") {
      throw invalid(".references() takes a function returning the referenced column, "
          + "as in .references(() => users.id)", callSite());
    }
    this.foreignKeyConfigs.push({ ref, actions, at: capture() });
    return this;
  }

  generatedAlwaysAs(as, options) {
    rejectForeign(as, `${this.factory}(…).generatedAlwaysAs()`);
    this.config.generated = { as, mode: options?.mode ?? "virtual", at: capture() };
    return this;
  }

  defaultNow() {
    if (!this.kind.timestamp) {
      throw unsupported(`${this.factory}(…).defaultNow() is not supported when writerflow reads the schema`,
          callSite());
    }
    return this.default(sql`(cast((julianday('now') - 2440587.5)*86400000 as integer))`);
  }

  /** Names the column by its key when no name was given; a builder shared by tables keeps its first key. */
  setName(key) {
    if (this.config.name !== "") return;
    this.config.name = key;
  }

  build(table) {
    return new Column(table, this);
  }
}

/** A built column: what drizzle-kit reads (getSQLType, notNull, primary, default, ...). */
export class Column {
  constructor(table, builder) {
    const config = builder.config;
    // drizzle writes the implicit unique name back into the shared config on the first build
    if (!config.uniqueName) config.uniqueName = `${table[TABLE].name}_${config.name}_unique`;
    this.table = table;
    this.name = config.name;
    this.keyAsName = config.keyAsName;
    this.notNull = config.notNull;
    this.default = config.default;
    this.primary = config.primaryKey;
    this.isUnique = config.isUnique;
    this.uniqueName = config.uniqueName;
    this.generated = config.generated;
    this.autoIncrement = config.autoIncrement;
    this.integer = Boolean(builder.kind.integer);
    this.sqlType = builder.kind.sqlType(config);
    this.encode = builder.kind.encode || ((value) => value);
    // numeric({ mode: "bigint" }) is selected as cast(... as text) when a query joins tables
    this.selectedAsText = Boolean(builder.kind.selectedAsText);
  }

  mapToDriverValue(value) {
    return this.encode(value);
  }
}

/** drizzle's getColumnNameAndConfig: a name only when a non-empty string comes first. */
function nameAndConfig(a, b) {
  rejectForeign(a, "a column's name or options");
  rejectForeign(b, "a column's options");
  return { name: typeof a === "string" && a.length > 0 ? a : "", config: typeof a === "object" ? a : b };
}

// What each column type contributes: its SQL type as drizzle's getSQLType() gives it (from the builder's
// config, where text() keeps its length) and how drizzle maps a value for the driver (used when sql``
// inlines a value compared with the column).
const asJson = (value) => JSON.stringify(value);
const KINDS = {
  text: { sqlType: (config) => `text${config.length ? `(${config.length})` : ""}` },
  textJson: { sqlType: () => "text", encode: asJson },
  integer: { sqlType: () => "integer", integer: true },
  boolean: { sqlType: () => "integer", integer: true, encode: (value) => (value ? 1 : 0) },
  timestamp: {
    sqlType: () => "integer", integer: true, timestamp: true, encode: (value) => Math.floor(value.getTime() / 1000),
  },
  timestampMs: { sqlType: () => "integer", integer: true, timestamp: true, encode: (value) => value.getTime() },
  real: { sqlType: () => "real" },
  blob: { sqlType: () => "blob" },
  blobJson: { sqlType: () => "blob", encode: asJson },
  blobBigint: { sqlType: () => "blob", encode: (value) => value.toString() },
  numeric: { sqlType: () => "numeric" },
  numericNumber: { sqlType: () => "numeric", encode: String },
  numericBigint: { sqlType: () => "numeric", encode: String, selectedAsText: true },
};

export const text = (a, b = {}) => {
  const { name, config } = nameAndConfig(a, b);
  if (config && config.mode === "json") return new ColumnBuilder("text", name, KINDS.textJson);
  const builder = new ColumnBuilder("text", name, KINDS.text);
  builder.config.length = config ? config.length : undefined;
  return builder;
};

export const integer = (a, b) => {
  const { name, config } = nameAndConfig(a, b);
  const mode = config ? config.mode : undefined;
  const kind = mode === "timestamp" ? KINDS.timestamp : mode === "timestamp_ms" ? KINDS.timestampMs
      : mode === "boolean" ? KINDS.boolean : KINDS.integer;
  return new ColumnBuilder("integer", name, kind);
};

export const int = integer;

export const real = (name) => {
  rejectForeign(name, "real()");
  return new ColumnBuilder("real", name ?? "", KINDS.real);
};

export const blob = (a, b) => {
  const { name, config } = nameAndConfig(a, b);
  const mode = config ? config.mode : undefined;
  return new ColumnBuilder("blob", name, mode === "json" ? KINDS.blobJson : mode === "bigint" ? KINDS.blobBigint : KINDS.blob);
};

export const numeric = (a, b) => {
  const { name, config } = nameAndConfig(a, b);
  const mode = config ? config.mode : undefined;
  return new ColumnBuilder("numeric", name,
      mode === "number" ? KINDS.numericNumber : mode === "bigint" ? KINDS.numericBigint : KINDS.numeric);
};

export const customType = (params) => {
  if (!params || typeof params.dataType !== "function") {
    throw invalid("customType() needs { dataType() { return \"<sql type>\"; } }", callSite());
  }
  return (a, b) => {
    const { name, config } = nameAndConfig(a, b);
    return new ColumnBuilder("customType", name, {
      sqlType: () => {
        const type = params.dataType(config);
        rejectForeign(type, "customType dataType()");
        return type;
      },
      encode: typeof params.toDriver === "function" ? (v) => params.toDriver(v) : undefined,
    });
  };
};

// ---------------------------------------------------------------------------------------------------------
// Tables (sqlite-core/table.js). Table internals live under a symbol so any column key works.

/**
 * A table's internals: { name, originalName, baseName, isAlias, columns, foreignKeys, extraConfig, at }, as
 * drizzle's Table.Symbol.Name, OriginalName (the name an alias() stands for), BaseName (the name before
 * sqliteTableCreator's prefix), IsAlias, Columns.
 */
export const TABLE = Symbol("writerflow:table");
/** A view's internals: { name, selectedFields, query, isExisting, isAlias, at }, as drizzle's ViewBaseConfig. */
export const VIEW = Symbol("writerflow:view");

export class SQLiteTable {}

/** Every table the schema created, exported or not: named in the error when none is exported. */
const definedTables = [];

export function buildTable(name, columns, extraConfig, at, baseName = name) {
  rejectForeign(name, "the table name");
  if (typeof name !== "string" || name.length === 0) {
    throw invalid("sqliteTable() needs the table name as its first argument", at);
  }
  const table = new SQLiteTable();
  const builders = typeof columns === "function" ? columns(columnBuilders()) : columns;
  if (builders === null || typeof builders !== "object") {
    throw invalid(`sqliteTable("${name}") needs its columns as an object, or a function returning one`, at);
  }
  table[TABLE] = {
    name, originalName: name, baseName, isAlias: false, columns: {}, foreignKeys: [], extraConfig, at,
  };
  for (const [key, builder] of Object.entries(builders)) {
    if (!(builder instanceof ColumnBuilder)) {
      throw invalid(`column "${key}" of table "${name}" is not a drizzle column (text(), integer(), ...): `
          + `got ${describe(builder)}`, at);
    }
    builder.setName(key);
    const column = builder.build(table);
    for (const { ref, actions, at: refAt } of builder.foreignKeyConfigs) {
      const fk = new ForeignKeyBuilder(() => {
        const target = ref();
        if (!(target instanceof Column)) {
          throw invalid(`.references() on column "${column.name}" of table "${name}" returned `
              + `${describe(target)} instead of a column of another table`, refAt);
        }
        return { columns: [column], foreignColumns: [target] };
      }, refAt);
      if (actions.onUpdate) fk._onUpdate = actions.onUpdate;
      if (actions.onDelete) fk._onDelete = actions.onDelete;
      table[TABLE].foreignKeys.push(fk);
    }
    table[TABLE].columns[key] = column;
    table[key] = column;
  }
  return table;
}

function columnBuilders() {
  return { blob, customType, integer, numeric, real, text };
}

export const sqliteTable = (name, columns, extraConfig) => {
  const table = buildTable(name, columns, extraConfig, capture());
  definedTables.push(table);
  return table;
};

export const sqliteTableCreator = (customizeTableName) => {
  return (name, columns, extraConfig) => {
    const fullName = customizeTableName(name);
    rejectForeign(fullName, "the table name");
    const table = buildTable(fullName, columns, extraConfig, capture(), name);
    definedTables.push(table);
    return table;
  };
};

export function getTableName(table) {
  return table[TABLE].name;
}

export function getTableColumns(table) {
  return table[TABLE].columns;
}

/** relations() only matters to drizzle's query API; drizzle-kit ignores it, and so does this module. */
class Relations {}

export function relations() {
  return new Relations();
}

// ---------------------------------------------------------------------------------------------------------
// Extra config builders: index, uniqueIndex, primaryKey, foreignKey, unique, check.

class IndexBuilderOn {
  constructor(name, unique) {
    this.name = name;
    this.unique = unique;
  }

  on(...columns) {
    const label = `${this.unique ? "uniqueIndex" : "index"}("${this.name}")`;
    if (columns.length === 0) {
      // drizzle-kit would write CREATE INDEX ... ON t (), which SQLite rejects
      throw invalid(`${label}.on() needs at least one column or sql\`\` expression`, callSite());
    }
    columns.forEach((column, i) => {
      if (!(column instanceof Column) && !(column instanceof SQL)) {
        throw invalid(`${label}.on(): argument ${i + 1} is ${describe(column)}, not a column or sql\`\``
            + (column === undefined ? " (is the column name misspelled?)" : ""), callSite());
      }
    });
    return new IndexBuilder(this.name, columns, this.unique);
  }
}

class IndexBuilder {
  constructor(name, columns, unique) {
    this.config = { name, columns, unique, where: undefined };
  }

  where(condition) {
    rejectForeign(condition, "where()");
    this.config.where = condition;
    return this;
  }
}

function indexBuilder(name, unique) {
  const fn = unique ? "uniqueIndex" : "index";
  rejectForeign(name, `${fn}()`);
  if (typeof name !== "string" || name.length === 0) {
    throw invalid(`${fn}() needs the index name as its first argument`, callSite());
  }
  return new IndexBuilderOn(name, unique);
}

export const index = (name) => indexBuilder(name, false);
export const uniqueIndex = (name) => indexBuilder(name, true);

class PrimaryKeyBuilder {
  constructor(columns, name) {
    this.columns = columns;
    this.name = name;
  }
}

export const primaryKey = (...config) => {
  // primaryKey({ columns, name }) or the older primaryKey(col1, col2, ...)
  const modern = config[0] && config[0].columns;
  if (modern) rejectForeign(config[0].name, "primaryKey()");
  const columns = modern ? config[0].columns : config;
  const where = capture();
  if (!Array.isArray(columns) || columns.length === 0) {
    throw invalid("primaryKey() needs its columns: primaryKey({ columns: [t.a, t.b] })", where);
  }
  columns.forEach((column, i) => {
    if (!(column instanceof Column)) {
      throw invalid(`primaryKey(): column ${i + 1} is ${describe(column)}, not a column`
          + (column === undefined ? " (is the column name misspelled?)" : ""), where);
    }
  });
  return new PrimaryKeyBuilder(columns, modern ? config[0].name : undefined);
};

class ForeignKeyBuilder {
  constructor(config, at) {
    this.reference = () => {
      const { name, columns, foreignColumns } = config();
      checkForeignKeyColumns(columns, foreignColumns, at);
      return { name, columns, foreignTable: foreignColumns[0].table, foreignColumns };
    };
    this.at = at;
    // own properties, so that reading an unset one is not taken for a call of an unknown method
    this._onUpdate = undefined;
    this._onDelete = undefined;
  }

  onUpdate(action) {
    this._onUpdate = action;
    return this;
  }

  onDelete(action) {
    this._onDelete = action;
    return this;
  }
}

function checkForeignKeyColumns(columns, foreignColumns, at) {
  for (const [list, label] of [[columns, "columns"], [foreignColumns, "foreignColumns"]]) {
    if (!Array.isArray(list) || list.length === 0) {
      throw invalid(`foreignKey() needs ${label} as a non-empty array of columns`, at);
    }
    list.forEach((column, i) => {
      if (!(column instanceof Column)) {
        throw invalid(`foreignKey(): ${label}[${i}] is ${describe(column)}, not a column`
            + (column === undefined ? " (is the column name misspelled?)" : ""), at);
      }
    });
  }
}

export const foreignKey = (config) => {
  const at = capture();
  const mapped = typeof config === "function" ? () => {
    const { name, columns, foreignColumns } = config();
    return { name, columns, foreignColumns };
  } : () => config;
  if (typeof config !== "function") {
    if (config === null || typeof config !== "object") {
      throw invalid("foreignKey() needs { columns, foreignColumns, name? }", at);
    }
    rejectForeign(config.name, "foreignKey()");
    checkForeignKeyColumns(config.columns, config.foreignColumns, at);
  }
  return new ForeignKeyBuilder(mapped, at);
};

class UniqueOnConstraintBuilder {
  constructor(name) {
    this.name = name;
  }

  on(...columns) {
    const where = capture();
    columns.forEach((column, i) => {
      if (!(column instanceof Column)) {
        throw invalid(`unique().on(): argument ${i + 1} is ${describe(column)}, not a column`
            + (column === undefined ? " (is the column name misspelled?)" : ""), where);
      }
    });
    return new UniqueConstraintBuilder(columns, this.name);
  }
}

class UniqueConstraintBuilder {
  constructor(columns, name) {
    this.columns = columns;
    this.name = name;
  }
}

export const unique = (name) => {
  rejectForeign(name, "unique()");
  return new UniqueOnConstraintBuilder(name);
};

class CheckBuilder {
  constructor(name, value) {
    this.name = name;
    this.value = value;
  }
}

export const check = (name, value) => {
  rejectForeign(name, "check()");
  if (typeof name !== "string" || name.length === 0) {
    throw invalid("check() needs the constraint name as its first argument", callSite());
  }
  if (!(value instanceof SQL)) {
    throw invalid(`check("${name}") needs its condition as sql\`...\`, got ${describe(value)}`, callSite());
  }
  return new CheckBuilder(name, value);
};

// ---------------------------------------------------------------------------------------------------------
// Views: sqliteView() is in query-builder.js, with the query builder its views are built with; a view is a
// SQLiteView whose internals are view[VIEW].

export class SQLiteView {}

trapUnknownMembers(SQL, () => "sql``");
trapUnknownMembers(ColumnBuilder, (b) => `${b.factory}(…)`);
trapUnknownMembers(IndexBuilderOn, (b) => `${b.unique ? "uniqueIndex" : "index"}("${b.name}")`);
trapUnknownMembers(IndexBuilder, (b) => `${b.config.unique ? "uniqueIndex" : "index"}("${b.config.name}").on(…)`);
trapUnknownMembers(PrimaryKeyBuilder, () => "primaryKey(…)");
trapUnknownMembers(ForeignKeyBuilder, () => "foreignKey(…)");
trapUnknownMembers(UniqueOnConstraintBuilder, () => "unique(…)");
trapUnknownMembers(UniqueConstraintBuilder, () => "unique(…).on(…)");
trapUnknownMembers(CheckBuilder, (b) => `check("${b.name}")`);

// ---------------------------------------------------------------------------------------------------------
// The snapshot: drizzle-kit 0.31's generateSqliteSnapshot over the schema module's exports.

export function describe(value) {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (value instanceof SQLiteTable) return `the table "${value[TABLE].name}"`;
  if (value instanceof SQLiteView) return `the view "${value[VIEW].name}"`;
  if (value instanceof Column) return `the column "${value.table[TABLE].name}"."${value.name}"`;
  if (value instanceof SQL) return "sql``";
  if (value instanceof ColumnBuilder) return "a column builder";
  if (typeof value === "function" && FOREIGN.has(value)) {
    const origin = FOREIGN.get(value);
    return `${origin.path}, a value from the package "${origin.specifier}" (which writerflow does not read: a `
        + "workspace package needs its node_modules link, as after npm install)";
  }
  if (typeof value === "function") return "a function";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

function tableLabel(table) {
  return `table "${table[TABLE].name}"`;
}

function defaultLiteral(value, escape) {
  if (value instanceof SQL) return toQuery(value, { forDefault: true });
  if (typeof value === "string") return `'${escape ? value.replace(/'/g, "''") : value}'`;
  if (typeof value === "object") return `'${JSON.stringify(value)}'`;
  return value;
}

function generatedAs(generated) {
  let as = generated.as;
  if (typeof as === "function") as = as();
  if (as instanceof SQL) return `(${toQuery(as, { source: "indexes" })})`;
  if (typeof as === "string") return `(${as})`;
  throw invalid(`generatedAlwaysAs() needs sql\`...\`, a string, or a function returning sql\`...\`; got ${describe(as)}`,
      generated.at);
}

/** A column as drizzle-kit writes it: a table's under its snapshot name, a view's under its own name. */
function columnSnapshot(column, name, escapeDefault) {
  const result = {
    name,
    type: column.sqlType,
    primaryKey: column.primary,
    notNull: column.notNull,
    autoincrement: column.integer ? column.autoIncrement : false,
    generated: column.generated ? { as: generatedAs(column.generated), type: column.generated.mode } : undefined,
  };
  if (column.default !== undefined) result.default = defaultLiteral(column.default, escapeDefault);
  return result;
}

function extraConfigBuilders(table) {
  const { extraConfig, columns } = table[TABLE];
  if (!extraConfig) return [];
  if (typeof extraConfig !== "function") {
    throw invalid(`the third argument of sqliteTable("${table[TABLE].name}") must be a function `
        + "(t) => [ index(...), ... ]", table[TABLE].at);
  }
  const config = extraConfig(columns);
  if (config === null || typeof config !== "object") {
    throw invalid(`the extra config of sqliteTable("${table[TABLE].name}") returned ${describe(config)}; `
        + "return an array such as [index(\"name_idx\").on(t.name)]", table[TABLE].at);
  }
  return Array.isArray(config) ? config.flat(1) : Object.values(config);
}

function tableSnapshot(table, exportedNames, internal) {
  const { name: tableName, columns, foreignKeys: inlineForeignKeys, at } = table[TABLE];
  const indexes = [];
  const checks = [];
  const primaryKeys = [];
  const uniqueConstraints = [];
  const foreignKeys = [...inlineForeignKeys];
  for (const builder of extraConfigBuilders(table)) {
    if (builder instanceof IndexBuilder) indexes.push(builder.config);
    else if (builder instanceof CheckBuilder) checks.push(builder);
    else if (builder instanceof UniqueConstraintBuilder) uniqueConstraints.push(builder);
    else if (builder instanceof PrimaryKeyBuilder) primaryKeys.push(builder);
    else if (builder instanceof ForeignKeyBuilder) foreignKeys.push(builder);
  }

  const columnsObject = {};
  const indexesObject = {};
  const seenColumns = new Set();
  for (const column of Object.values(columns)) {
    const name = snapshotName(column);
    if (seenColumns.has(name)) {
      throw invalid(`${tableLabel(table)} has two columns named "${name}"`, at);
    }
    seenColumns.add(name);
    columnsObject[name] = columnSnapshot(column, name, true);
    if (column.isUnique) {
      // the implicit name comes from the column's name before casing, as in drizzle
      if (indexesObject[column.uniqueName] !== undefined) {
        throw invalid(`${tableLabel(table)}: the unique constraint name "${column.uniqueName}" of column `
            + `"${name}" is already used for ${indexesObject[column.uniqueName].columns.join(",")}`, at);
      }
      indexesObject[column.uniqueName] = { name: column.uniqueName, columns: [name], isUnique: true };
    }
  }

  const foreignKeysObject = {};
  for (const fk of foreignKeys) {
    const reference = fk.reference();
    const originalFrom = reference.columns.map((c) => c.name);
    const originalTo = reference.foreignColumns.map((c) => c.name);
    const columnsFrom = reference.columns.map(snapshotName);
    const columnsTo = reference.foreignColumns.map(snapshotName);
    const tableTo = reference.foreignTable[TABLE].name;
    if (!exportedNames.has(tableTo)) {
      // drizzle-kit refers to the table by name only, and would write a foreign key to a table that no
      // migration creates
      throw invalid(`${tableLabel(table)}: the foreign key on ${columnsFrom.join(", ")} references the table `
          + `"${tableTo}", which the schema does not export (no exported table has that name)`, fk.at);
    }
    let name = reference.name ?? `${[tableName, ...originalFrom, tableTo, ...originalTo].join("_")}_fk`;
    if (settings.casing !== undefined) {
      // drizzle-kit's rename of the columns inside the name (the first occurrence of each, even in a given name)
      originalFrom.forEach((original, i) => { name = name.replace(original, columnsFrom[i]); });
      originalTo.forEach((original, i) => { name = name.replace(original, columnsTo[i]); });
    }
    foreignKeysObject[name] = {
      name,
      tableFrom: tableName,
      tableTo,
      columnsFrom,
      columnsTo,
      onDelete: fk._onDelete ?? "no action",
      onUpdate: fk._onUpdate ?? "no action",
    };
  }

  for (const config of indexes) {
    const name = config.name;
    const indexColumns = config.columns.map((column) => {
      if (!(column instanceof SQL)) return snapshotName(column);
      const expression = toQuery(column, { source: "indexes" });
      internal.indexes[name] ??= { columns: {} };
      internal.indexes[name].columns[expression] = { isExpression: true };
      return expression;
    });
    indexesObject[name] = {
      name,
      columns: indexColumns,
      isUnique: config.unique ?? false,
      where: config.where instanceof SQL ? toQuery(config.where, {}) : undefined,
    };
  }

  for (const constraint of uniqueConstraints) {
    const columnNames = constraint.columns.map(snapshotName);
    const name = constraint.name ?? `${tableName}_${constraint.columns.map((c) => c.name).join("_")}_unique`;
    if (indexesObject[name] !== undefined) {
      throw invalid(`${tableLabel(table)}: the unique constraint name "${name}" on ${columnNames.join(",")} `
          + `is already used for ${indexesObject[name].columns.join(",")}`, at);
    }
    indexesObject[name] = { name, columns: columnNames, isUnique: true };
  }

  const primaryKeysObject = {};
  for (const pk of primaryKeys) {
    const columnNames = pk.columns.map(snapshotName);
    if (columnNames.length > 1) {
      const originalNames = pk.columns.map((c) => c.name);
      let name = pk.name ?? `${tableName}_${originalNames.join("_")}_pk`;
      if (settings.casing !== undefined) {
        originalNames.forEach((original, i) => { name = name.replace(original, columnNames[i]); });
      }
      primaryKeysObject[name] = { columns: columnNames, name };
    } else if (columnsObject[columnNames[0]] === undefined) {
      throw invalid(`${tableLabel(table)}: primaryKey() names column "${columnNames[0]}" of another table`, at);
    } else {
      columnsObject[columnNames[0]].primaryKey = true;
    }
  }

  const checkConstraintObject = {};
  for (const check of checks) {
    if (checkConstraintObject[check.name] !== undefined) {
      throw invalid(`${tableLabel(table)} has two check constraints named "${check.name}"`, at);
    }
    checkConstraintObject[check.name] = { name: check.name, value: toQuery(check.value, {}) };
  }

  return {
    name: tableName,
    columns: columnsObject,
    indexes: indexesObject,
    foreignKeys: foreignKeysObject,
    compositePrimaryKeys: primaryKeysObject,
    uniqueConstraints: {},
    checkConstraints: checkConstraintObject,
  };
}

/**
 * A view as drizzle-kit writes it: the columns among its selected fields (a query builder's fields that are
 * columns, by their own names; expressions and nested objects are not listed), and its query with the
 * values inlined. A failure names the place the view is declared.
 */
function viewSnapshot(view) {
  const { name, selectedFields, query, isExisting, at } = view[VIEW];
  try {
    const columns = {};
    // reading a field goes through drizzle's selection proxy, which refuses an unaliased sql`` (see
    // query-builder.js)
    for (const key in selectedFields) {
      const field = selectedFields[key];
      if (field instanceof Column) columns[field.name] = columnSnapshot(field, field.name, false);
    }
    return { columns, name, isExisting, definition: isExisting ? undefined : toQuery(query, {}) };
  } catch (e) {
    if (e instanceof WriterflowError && e.at === undefined) e.at = siteOf(at);
    throw e;
  }
}

function where(item) {
  return item[TABLE] ? siteOf(item[TABLE].at) : undefined;
}

/**
 * The schema's exported values as a drizzle-kit snapshot (JSON text): exported tables and views, as
 * drizzle-kit's prepareFromExports finds them. `exports` is the list of exported values in the order
 * drizzle-kit sees them (see evaluation.js), or a module's exports object, taken in order of name.
 */
export function snapshot(exports, options = {}) {
  if (options.casing !== undefined) configure({ casing: options.casing });
  // [name, value] in the order drizzle-kit sees them (evaluation.js), or a module's exports object: by name,
  // the order of a module without `export * from`
  const entries = Array.isArray(exports) ? exports : Object.keys(exports).sort().map((key) => [key, exports[key]]);
  // a table exported under several names is one table; drizzle-kit keeps every export of a view
  const tables = [...new Set(entries.map(([, value]) => value).filter((value) => value instanceof SQLiteTable))];
  const views = entries.filter(([, value]) => value instanceof SQLiteView).map(([key, view]) => ({ key, view }));
  if (tables.length === 0 && views.length === 0) {
    const hidden = definedTables.length === 0 ? ""
        : ` (it defines ${definedTables.length} table${definedTables.length === 1 ? "" : "s"}, `
        + `${definedTables.slice(0, 3).map((t) => `"${t[TABLE].name}"`).join(", ")}`
        + `${definedTables.length > 3 ? ", ..." : ""}, without exporting ${definedTables.length === 1 ? "it" : "them"})`;
    throw invalid(`the schema exports no tables${hidden}; drizzle-kit only sees exported tables: `
        + "export const users = sqliteTable(\"users\", { ... })");
  }
  const internal = { indexes: {} };
  const tablesObject = {};
  const byName = new Map();
  const exportedNames = new Set(tables.map((table) => table[TABLE].name));
  for (const table of tables) {
    const name = table[TABLE].name;
    const earlier = byName.get(name);
    byName.set(name, table);
    if (earlier) {
      throw invalid(`two exported tables are named "${name}"`
          + `${where(earlier) ? ` (the other one is defined at ${where(earlier)})` : ""}`, where(table));
    }
    tablesObject[name] = tableSnapshot(table, exportedNames, internal);
  }
  const viewsObject = {};
  const viewKeys = new Map();
  for (const { key, view } of views) {
    const { name, at } = view[VIEW];
    if (viewsObject[name] !== undefined) {
      const earlier = viewKeys.get(name);
      throw invalid(`${earlier.view === view ? `the view "${name}" is exported twice`
          : `two exported views are named "${name}"`}, as ${earlier.key} and ${key}; drizzle-kit stops on it `
          + "(\"We've found duplicated view name\"): export each view once", siteOf(at));
    }
    viewKeys.set(name, { key, view });
    viewsObject[name] = viewSnapshot(view);
  }
  return JSON.stringify({
    version: "6",
    dialect: "sqlite",
    id: "",
    prevId: "",
    tables: tablesObject,
    views: viewsObject,
    enums: {},
    _meta: { schemas: {}, tables: {}, columns: {} },
    internal,
  });
}
