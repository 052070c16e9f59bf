import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The dashboard is built into dist/dashboard and served by the api at /dashboard (no second
 * server). `npm run dev:dashboard` proxies /graphql to an api on :3000 for development.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/admin': 'http://127.0.0.1:3000' } },
});
