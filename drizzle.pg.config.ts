import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations (DATABASE_URL=postgres://…), beside the SQLite ones of drizzle.config.ts.
// Generating needs no database; the triggers and functions are the custom migrations in drizzle-pg/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./drizzle-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/sangathan" },
});
