import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('the shipped desktop app', () => {
  it('ships only the packages the main bundle leaves out of itself, never HQ’s server', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const externals = /entryPoints: \['electron\/main\.ts'\][\s\S]*?external: \[([^\]]*)\]/.exec(
      read('scripts/build.mjs'),
    );
    const leftOut = (externals?.[1] ?? '').match(/'[^']+'/g)?.map((s) => s.slice(1, -1)) ?? [];
    // playwright-core prints report PDFs only where Electron cannot; the app always passes its own printer.
    expect(read('electron/main.ts')).toMatch(/printPdf: printReportWithElectron/);
    const neverLoadedInApp = new Set(['electron', 'playwright-core']);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(leftOut.filter((name) => !neverLoadedInApp.has(name)).sort());
    for (const server of ['fastify', 'pg', '@electric-sql/pglite', '@tus/server', '@tus/file-store']) {
      expect(pkg.dependencies).not.toHaveProperty(server);
    }
  });

  it('flips the Electron fuses that keep the installer from running anything but its own, intact code', () => {
    const config = read('build/electron-builder.yml');
    for (const fuse of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(config).toMatch(new RegExp(`^electronFuses:[\\s\\S]*^\\s+${fuse}$`, 'm'));
    }
  });

  it('is built by a release workflow with pinned actions, read-only permissions, Node 22 and the Electron e2e first', () => {
    const workflow = read('.github/workflows/release.yml');
    const uses = [...workflow.matchAll(/uses:\s*(\S+)/g)].map((m) => m[1] ?? '');
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action, action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    expect(workflow).toMatch(/^permissions:\n\s+contents: read$/m);
    expect(workflow).toMatch(/node-version: 22\b/);
    const e2e = workflow.indexOf('xvfb-run -a npx playwright test --project=electron');
    expect(e2e).toBeGreaterThan(-1);
    expect(e2e).toBeLessThan(workflow.indexOf('npm run dist'));
  });
});
