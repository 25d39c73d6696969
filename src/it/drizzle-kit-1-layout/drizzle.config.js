export default { dialect: "sqlite", schema: "./src/lib/db/schema.js", out: "./drizzle" };
