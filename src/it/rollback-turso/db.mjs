// The app's side of the test, run between the plugin's goals (exec-maven-plugin): rows written through the Turso
// server's Hrana v2 pipeline, and dumps of the live schema and rows for verify.groovy. The server's URL is the one
// prebuild.groovy wrote to .env.local.
//   node db.mjs rows <version>   the rows written after schema-v<version> was applied
//   node db.mjs dump <name>      target/dump-<name>.json: sqlite_master, PRAGMA table_info, every row
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const url = /^TURSO_DATABASE_URL=(.*)$/m.exec(readFileSync(".env.local", "utf8"))[1].trim();

async function pipeline(statements) {
  const response = await fetch(url + "/v2/pipeline", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ baton: null, requests: statements.map((sql) => ({ type: "execute", stmt: { sql } })) }),
  });
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  }
  const body = await response.json();
  return body.results.map((r, i) => {
    if (r.type !== "ok") {
      throw new Error(`${statements[i]}: ${JSON.stringify(r.error)}`);
    }
    const { cols, rows } = r.response.result;
    return rows.map((row) => Object.fromEntries(row.map((v, j) => [cols[j].name, value(v)])));
  });
}

/** Numbers as text without a needless ".0" (an integer column rebuilt as real and back holds 120 or 120.0). */
function value(v) {
  switch (v.type) {
    case "null": return null;
    case "integer": return String(v.value);
    case "float": return String(Number(v.value));
    default: return v.value;
  }
}

const ROWS = {
  1: [
    "INSERT INTO authors (id, name) VALUES (1, 'Ada'), (2, 'Bob'), (3, 'Cy')",
    "INSERT INTO books (id, author_id, title) VALUES (1, 1, 'A1'), (2, 1, 'A2'), (3, 2, 'B1'), (4, 3, 'C1')",
  ],
  2: [
    "INSERT INTO authors (id, name, bio) VALUES (4, 'Dee', 'poet')",
    "UPDATE authors SET bio = 'mathematician' WHERE id = 1",
    "INSERT INTO books (id, author_id, title, pages) VALUES (5, 4, 'D1', 120)",
    "UPDATE books SET pages = 300 WHERE id = 1",
  ],
  3: [
    "INSERT INTO authors (id, name, bio) VALUES (5, 'Eve', 'spy')",
    "INSERT INTO books (id, author_id, title, pages) VALUES (6, 5, 'E1', 250.5), (7, 2, 'B2', 99)",
  ],
  4: [
    "INSERT INTO reviews (id, book_id, stars) VALUES (1, 1, 5), (2, 3, 4), (3, 6, 2)",
  ],
  5: [
    "INSERT INTO authors (id, name, country) VALUES (6, 'Fay', 'UK')",
    "UPDATE authors SET country = 'FR' WHERE id = 2",
    "INSERT INTO books (id, author_id, pages) VALUES (8, 6, 10)",
    "INSERT INTO reviews (id, book_id, stars, comment) VALUES (4, 8, 3, 'fine')",
    "UPDATE reviews SET comment = 'great' WHERE id = 1",
  ],
};

const [command, arg] = process.argv.slice(2);
if (command === "rows") {
  await pipeline(ROWS[arg]);
  console.log(`db.mjs: rows ${arg} written`);
} else if (command === "dump") {
  const [master, fk] = await pipeline([
    "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
    "PRAGMA foreign_keys",
  ]);
  const tables = {};
  for (const t of master.filter((o) => o.type === "table" && ["authors", "books", "reviews"].includes(o.name))) {
    const [columns, rows] = await pipeline([`PRAGMA table_info(${t.name})`, `SELECT * FROM ${t.name} ORDER BY id`]);
    tables[t.name] = { columns, rows };
  }
  mkdirSync("target", { recursive: true });
  writeFileSync(`target/dump-${arg}.json`, JSON.stringify({ foreignKeys: fk[0], master, tables }, null, 2));
  console.log(`db.mjs: target/dump-${arg}.json written`);
} else {
  throw new Error(`unknown command ${command}`);
}
