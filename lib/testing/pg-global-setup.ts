import type { TestProject } from "vitest/node";
import { preparePostgres } from "@/db/pg/prepare";
import { createDatabase, startPgServer } from "./pg-server";

/**
 * The PostgreSQL test project's one server for the run: a throwaway PostgreSQL (lib/testing/pg-server.ts)
 * with two template databases, migrated — `sangathan_demo` seeded with the demo, `sangathan_empty`
 * not. Each test file copies one (CREATE DATABASE … TEMPLATE, a fraction of a second) and drops it after.
 */
export default async function setup(project: TestProject) {
  const server = await startPgServer();
  for (const [name, seed] of [["sangathan_demo", "demo"], ["sangathan_empty", "none"]] as const) {
    const url = await createDatabase(server.url, name);
    await preparePostgres(url, { seed });
  }
  project.provide("pgServerUrl", server.url);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}
