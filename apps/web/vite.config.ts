import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app's build. No React plugin: Vite 8 compiles JSX itself (Oxc), and @vitejs/plugin-react only
 * adds Fast Refresh for the dev server, at the price of a peer conflict with Jest's Babel (docs/web.md).
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // nhsuk-frontend's Sass points at its images by this path; Vite copies the ones the CSS uses into the build.
    alias: { '@nhsuk-images': here('../../node_modules/nhsuk-frontend/dist/nhsuk/assets/images') },
  },
  css: {
    preprocessorOptions: {
      // Quiet the Sass deprecation warnings that come from inside nhsuk-frontend, not from this app.
      scss: { quietDeps: true },
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // Everything as files: the Content-Security-Policy allows no inline script, style or data: font.
    assetsInlineLimit: 0,
    sourcemap: true,
    // dist/.vite/manifest.json (not served): which chunks the first page loads, for `npm run bench:web`.
    manifest: true,
  },
  server: {
    // `npm run web:dev`: the API (npm run start:api) answers /api/v1 behind the dev server.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
