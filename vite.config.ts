import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { REPORT_CSS } from './shared/report/html-styles.ts';

/** The report's stylesheet as a file of the app: the in-app preview links it (the app allows no inline style). */
function reportPreviewStylesheet(): Plugin {
  return {
    name: 'report-preview-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'report-preview.css', source: REPORT_CSS });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), reportPreviewStylesheet()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
