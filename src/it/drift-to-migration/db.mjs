// Changes made to the Turso server out of band (in its console, say), run between the plugin's goals
// (exec-maven-plugin) through the server's Hrana v2 pipeline, at the URL prebuild.groovy wrote to .env.local.
//   node db.mjs drift-1   books.isbn and its index: kept, adopted as a migration
//   node db.mjs drift-2   an index the schema does not want: undone by a migration from the database
import { readFileSync } from "node:fs";

const url = /^TURSO_DATABASE_URL=(.*)$/m.exec(readFileSync(".env.local", "utf8"))[1].trim();

const DRIFT = {
  "drift-1": ["ALTER TABLE books ADD isbn text", "CREATE INDEX books_isbn_idx ON books (isbn)",
    "INSERT INTO authors (id, name) VALUES (1, 'Ada')",
    "INSERT INTO books (id, author_id, title, isbn) VALUES (1, 1, 'A1', '978-0')"],
  "drift-2": ["CREATE INDEX books_title_idx ON books (title)"],
};

const statements = DRIFT[process.argv[2]];
const response = await fetch(url + "/v2/pipeline", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ baton: null, requests: statements.map((sql) => ({ type: "execute", stmt: { sql } })) }),
});
const body = await response.json();
body.results.forEach((r, i) => {
  if (r.type !== "ok") {
    throw new Error(`${statements[i]}: ${JSON.stringify(r.error)}`);
  }
});
console.log(`db.mjs: ${process.argv[2]} made out of band`);
