import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Layering rules, checked over import specifiers:
 * - renderer/ runs in a sandboxed browser page: no Electron, no Node builtins, no SQLite, and no
 *   reaching into db/, electron/ or hq/ (it talks to them only through window.api).
 * - shared/ is imported by every side: only relative imports inside shared/ and pure, environment-neutral
 *   packages (zod, date-fns, canonicalize).
 * - db/ must not depend on Electron, so it can run under plain Node (tests, HQ, the harness).
 * - hq/ is a separate service: it imports shared/ and its own files, never Electron, SQLite or the desktop's folders.
 * - electron/services/ and electron/sync/ run in the harness and the tests too: never 'electron'.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'release', 'test-results', 'playwright-report', '.data']);
const NODE_BUILTINS = new Set(builtinModules.map((m) => m.split('/')[0] as string));

type Violation = { file: string; specifier: string; rule: string };

/** Pure packages that run unchanged in Node, the renderer and HQ. */
const SHARED_PACKAGES = new Set(['zod', 'date-fns', 'canonicalize']);
/** The report writers are pure Node libraries the main process, the harness and HQ all run: shared/report only. */
const REPORT_PACKAGES = new Set(['docx', 'exceljs', 'csv-stringify']);
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier in a file: static import/export … from, side-effect imports, import(), require(). */
function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const patterns = [
    /\bfrom\s*['"]([^'"\n]+)['"]/g,
    /\bimport\s*['"]([^'"\n]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

const isRelative = (specifier: string) => specifier.startsWith('.') || specifier.startsWith('/');
const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string);

/** Top-level folder (db, electron, shared, …) a relative specifier lands in, seen from `file`. */
function targetTopDir(file: string, specifier: string): string {
  const absolute = specifier.startsWith('/')
    ? path.join(repoRoot, specifier)
    : path.resolve(repoRoot, path.dirname(file), specifier);
  const relative = path.relative(repoRoot, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return '(outside the repository)';
  return relative.split(path.sep)[0] as string;
}

/** `file` is repo-relative with forward slashes, e.g. "renderer/src/App.tsx". */
function checkImports(file: string, source: string): Violation[] {
  const area = file.split('/')[0];
  const violations: Violation[] = [];
  const flag = (specifier: string, rule: string) => violations.push({ file, specifier, rule });
  for (const specifier of importSpecifiers(source)) {
    if (area === 'renderer') {
      if (isRelative(specifier)) {
        const target = targetTopDir(file, specifier);
        if (['db', 'electron', 'hq'].includes(target) || target === '(outside the repository)') {
          flag(specifier, `renderer/ may not import from ${target}/ (use window.api)`);
        }
      } else if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier))) {
        flag(specifier, 'renderer/ may not import Node builtins');
      } else if (['electron', 'better-sqlite3'].includes(packageName(specifier))) {
        flag(specifier, `renderer/ may not import ${packageName(specifier)}`);
      }
    } else if (area === 'shared') {
      if (isRelative(specifier)) {
        const target = targetTopDir(file, specifier);
        if (target !== 'shared') flag(specifier, `shared/ may only import inside shared/ (this reaches ${target}/)`);
      } else if (
        !SHARED_PACKAGES.has(packageName(specifier)) &&
        !(file.startsWith('shared/report/') && REPORT_PACKAGES.has(packageName(specifier)))
      ) {
        flag(
          specifier,
          `shared/ may only import ${[...SHARED_PACKAGES].join(', ')} (and shared/report/ the report writers)`,
        );
      }
    } else if (area === 'hq') {
      if (isRelative(specifier)) {
        const target = targetTopDir(file, specifier);
        if (!['hq', 'shared'].includes(target))
          flag(specifier, `hq/ may only import hq/ and shared/ (this reaches ${target}/)`);
      } else if (['electron', 'better-sqlite3'].includes(packageName(specifier))) {
        flag(specifier, `hq/ may not import ${packageName(specifier)}`);
      }
    } else if (/^electron\/(services|sync)\//.test(file) && packageName(specifier) === 'electron') {
      flag(
        specifier,
        `${file.split('/').slice(0, 2).join('/')}/ must run without Electron (the harness and tests use it)`,
      );
    } else if (area === 'db') {
      if (isRelative(specifier) && targetTopDir(file, specifier) === 'electron') {
        flag(specifier, 'db/ may not import electron/');
      } else if (packageName(specifier) === 'electron') {
        flag(specifier, "db/ may not import 'electron'");
      }
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const format = (v: Violation) => `${v.file}: '${v.specifier}' — ${v.rule}`;

describe('import boundaries', () => {
  const files = sourceFiles(repoRoot).map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));

  it('finds the source folders it guards', () => {
    for (const area of ['renderer', 'shared', 'db', 'hq', 'electron/services', 'electron/sync']) {
      expect(files.filter((f) => f.startsWith(`${area}/`)).length, `${area}/ .ts files`).toBeGreaterThan(0);
    }
  });

  it('no file crosses a layer boundary', () => {
    const violations = files.flatMap((file) => checkImports(file, fs.readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(violations.map(format)).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  it('reads every kind of import specifier', () => {
    const source = `
      import React from 'react';
      import type { Db } from '../db/connection';
      import './styles.css';
      export { x } from "./x";
      export * from './y';
      const lazy = await import('./lazy');
      const sqlite = require('better-sqlite3');
      // import commented from 'commented-out';
      /* import blocked from 'block-comment'; */
      const url = 'https://example.com/from';
    `;
    expect(importSpecifiers(source).sort()).toEqual(
      ['react', '../db/connection', './styles.css', './x', './y', './lazy', 'better-sqlite3'].sort(),
    );
  });

  it('flags a renderer file importing Node, Electron, SQLite or the main-process folders', () => {
    const bad = [
      "import fs from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "import path from 'path';",
      "import { createHash } from 'crypto';",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { openDatabase } from '../../../db/connection';",
      "import { saveResponse } from '../../../electron/services/response-service';",
      "const hq = await import('../../../hq/server');",
      "const os = require('os');",
      "import secrets from '../../../../outside-the-repo';",
    ];
    for (const line of bad) {
      expect(checkImports('renderer/src/screens/Bad.tsx', line), line).toHaveLength(1);
    }
    // One level too few '..' stays inside renderer/ and is allowed.
    expect(checkImports('renderer/src/screens/Ok.tsx', "import x from '../../db/local-cache';")).toEqual([]);
    const violation = checkImports('renderer/src/App.tsx', "import { ipcRenderer } from 'electron';")[0];
    expect(violation && format(violation)).toBe("renderer/src/App.tsx: 'electron' — renderer/ may not import electron");
  });

  it('allows the renderer its own files, shared/ and browser packages', () => {
    const good = `
      import { useState } from 'react';
      import { create } from 'zustand';
      import '@uswds/uswds/css/uswds.min.css';
      import { CHANNELS } from '../../../shared/ipc/channels';
      import { Alert } from '../components/Alert';
    `;
    expect(checkImports('renderer/src/screens/Good.tsx', good)).toEqual([]);
  });

  it('flags shared/ importing anything but zod and shared/', () => {
    expect(checkImports('shared/ipc/contract.ts', "import { z } from 'zod';")).toEqual([]);
    expect(checkImports('shared/ipc/contract.ts', "import { x } from '../domain/validation';")).toEqual([]);
    for (const line of [
      "import { useState } from 'react';",
      "import path from 'node:path';",
      "import { stmt } from '../../db/statements';",
      "import { ok } from '../../electron/ipc/dispatch';",
    ]) {
      expect(checkImports('shared/ipc/contract.ts', line), line).toHaveLength(1);
    }
  });

  it('flags db/ importing electron', () => {
    expect(checkImports('db/connection.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(
      checkImports(
        'db/queries/members.ts',
        "import type { ServiceContext } from '../../electron/services/service-context';",
      ),
    ).toHaveLength(1);
    expect(checkImports('db/connection.ts', "import Database from 'better-sqlite3';")).toEqual([]);
    expect(
      checkImports('db/queries/members.ts', "import type { Member } from '../../shared/domain/validation';"),
    ).toEqual([]);
  });

  it('flags hq/ reaching past shared/, and Electron in the services the harness runs', () => {
    expect(checkImports('hq/push.ts', "import { x } from '../shared/sync/payloads';")).toEqual([]);
    expect(checkImports('hq/push.ts', "import { x } from './push-decision';")).toEqual([]);
    for (const line of [
      "import { stmt } from '../db/statements';",
      "import { x } from '../electron/services/change-log';",
      "import Database from 'better-sqlite3';",
      "import { app } from 'electron';",
    ]) {
      expect(checkImports('hq/push.ts', line), line).toHaveLength(1);
    }
    expect(checkImports('electron/services/sync-service.ts', "import { net } from 'electron';")).toHaveLength(1);
    expect(checkImports('electron/sync/transport.ts', "import { net } from 'electron';")).toHaveLength(1);
    expect(checkImports('electron/main.ts', "import { app } from 'electron';")).toEqual([]);
  });
});
