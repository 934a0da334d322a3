import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a new migration into lib/db/migrations from the schema's changes. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './lib/db/migrations',
});
