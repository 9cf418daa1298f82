import { defineConfig } from 'drizzle-kit'

// `npx drizzle-kit generate --config cloud/drizzle.config.ts` writes SQL migrations; the API applies them on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './cloud/src/db/schema.ts',
  out: './cloud/migrations',
})
