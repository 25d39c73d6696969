// What the plugin takes from the schema's modules once they have run, the same under Node.js and GraalJS.
//
// exportedValues: the values the schema files export, in the order drizzle-kit sees them. drizzle-kit
// loads each file through esbuild as CommonJS, where a module's own exports come first, sorted by name
// (esbuild's __export), and then those of each `export * from` in statement order, each in its own such
// order, skipping names already there. An ES module namespace lists everything sorted, so the order is
// rebuilt from the namespaces and the `export * from` targets the plugin scanned.
//
// configJson: a drizzle.config's default export as JSON (functions left out).

/**
 * @param entries    the schema files' paths, in the order drizzle-kit reads them
 * @param namespaces path -> module namespace, for the entries and every module named in stars
 * @param stars      path -> the paths its `export * from` statements name, in order
 * @returns [name, value] of every export of every entry, in that order
 */
export function exportedValues(entries, namespaces, stars) {
  const values = [];
  for (const entry of entries) values.push(...ordered(entry, namespaces, stars, new Set()));
  return values;
}

function ordered(path, namespaces, stars, visiting) {
  const namespace = namespaces[path];
  if (namespace === undefined) return [];
  const targets = (stars[path] || []).filter((target) => namespaces[target] !== undefined);
  const starNames = new Set();
  for (const target of targets) for (const name of Object.keys(namespaces[target])) starNames.add(name);
  const own = Object.keys(namespace).filter((name) => !starNames.has(name)).sort();
  const result = own.map((name) => [name, namespace[name]]);
  if (visiting.has(path)) return result;
  visiting.add(path);
  const seen = new Set(own);
  for (const target of targets) {
    for (const [name] of ordered(target, namespaces, stars, visiting)) {
      // the namespace decides what a name means (ES modules drop names two stars both export)
      if (name !== "default" && !seen.has(name) && name in namespace) {
        seen.add(name);
        result.push([name, namespace[name]]);
      }
    }
  }
  visiting.delete(path);
  return result;
}

/** A drizzle.config module's configuration as JSON: its default export (or, for CommonJS, the module). */
export function configJson(namespace) {
  let config = namespace.default !== undefined ? namespace.default : namespace;
  // CommonJS interop can wrap module.exports = { default: config } once more
  if (config && typeof config === "object" && config.__esModule && config.default !== undefined) {
    config = config.default;
  }
  return JSON.stringify(config === undefined ? null : config,
      (key, value) => (typeof value === "function" ? undefined : value instanceof RegExp ? String(value) : value));
}
