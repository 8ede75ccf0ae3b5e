/** The Prisma client, over the pg driver adapter (no native query engine), one per process. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };

const g = globalThis as unknown as { __preflightPrisma?: { url: string; client: PrismaClient } };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: start the app with `npm start` (it starts the embedded database) or set DATABASE_URL");
  return url;
}

export function prisma(url = databaseUrl()): PrismaClient {
  if (g.__preflightPrisma?.url === url) return g.__preflightPrisma.client;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  g.__preflightPrisma = { url, client };
  return client;
}
