import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where the API listens in development; the built app is served by the API itself. */
const apiTarget = process.env.AUTOFUNNEL_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React, Redux, the router, drag and drop and socket.io change less often than the app.
        // The charts (recharts and its d3 parts) stay out of it: they come with the lazily loaded
        // Insights page, so only those who open it download them.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!recharts|d3-|victory-vendor)/ }] },
      },
    },
  },
});
