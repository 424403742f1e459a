import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, ReportPrinter } from '../../electron/services/report/pdf';
import type { EmbeddedPhoto } from '../../shared/report/embedded-photo';
import { renderReportHtml } from '../../shared/report/html';
import { buildReportModel } from '../../shared/report/model';
import { makeJpeg } from '../unit/evidence-fixtures';
import { reportInput, SHA } from '../unit/report-fixture';

/**
 * The harness keeps one Chromium between PDF exports. Each report must still come out whole and alone (its own
 * text, its own photo), and a Chromium that died or sat idle must not cost the next export.
 */

const OPTIONS = { marking: 'CUI', draft: false, language: 'en' } as const;
const printers: ReportPrinter[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-report-printer-'));

afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

/** A printer whose Chromium launches are counted: each is the real one. */
function countingPrinter(idleMs?: number) {
  const launched: Browser[] = [];
  const printer = new ReportPrinter({
    ...(idleMs === undefined ? {} : { idleMs }),
    launch: async () => {
      const browser = await launchChromium();
      launched.push(browser);
      return browser;
    },
  });
  printers.push(printer);
  return { printer, launched };
}

/** A report for `memberName` whose one finding photo is a JPEG of the given size, stored under its own hash. */
async function report(memberName: string, width: number, height: number) {
  const built = buildReportModel(reportInput(), { audience: 'MEMBER', generatedAt: '2026-03-21T12:00:00.000Z' });
  // A photo's URL names its content: a different photo has a different hash.
  const sha256 = `${width}x${height}`.padEnd(64, '0').replace(/\D/g, 'f');
  const model: typeof built = JSON.parse(JSON.stringify(built).replaceAll(SHA.findingPhoto, sha256));
  model.cover.memberName = memberName;
  const jpeg = await makeJpeg(width, height);
  const photos = new Map<string, EmbeddedPhoto>([
    [sha256, { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width, height }],
  ]);
  return { html: renderReportHtml(model, { photos, photosServed: true }), photos };
}

/** What a reader finds in the PDF: its text, and the pixel size of each image in it. */
function read(pdf: Buffer, name: string) {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/).slice(3, 5).join('×'));
  return { text, images };
}

describe('the report printer kept between exports', () => {
  it('prints reports asked for at once one after another on one Chromium, each with its own text and photo', async () => {
    const { printer, launched } = countingPrinter();
    const a = await report('Alpha Freight LLC', 400, 300);
    const b = await report('Bravo Logistics Inc', 640, 480);
    const [pdfA, pdfB, pdfA2] = await Promise.all([
      printer.print(a.html, OPTIONS, a.photos),
      printer.print(b.html, OPTIONS, b.photos),
      printer.print(a.html, OPTIONS, a.photos),
    ]);
    const [readA, readB, readA2] = [read(pdfA, 'a'), read(pdfB, 'b'), read(pdfA2, 'a2')];
    expect(readA.text).toContain('Alpha Freight LLC');
    expect(readA.text).not.toContain('Bravo Logistics Inc');
    expect(readA.images).toEqual(['400×300']);
    expect(readB.text).toContain('Bravo Logistics Inc');
    expect(readB.text).not.toContain('Alpha Freight LLC');
    expect(readB.images).toEqual(['640×480']);
    expect(readA2.images).toEqual(['400×300']);
    expect(launched).toHaveLength(1);
  }, 60_000);

  it('is started ahead by the Report screen, and the export then uses that Chromium', async () => {
    const { printer, launched } = countingPrinter();
    await printer.warm();
    expect(launched).toHaveLength(1);
    expect(launched[0]?.isConnected()).toBe(true);
    const a = await report('Alpha Freight LLC', 400, 300);
    expect(read(await printer.print(a.html, OPTIONS, a.photos), 'warm').text).toContain('Alpha Freight LLC');
    expect(launched).toHaveLength(1);
  }, 60_000);

  it('starts a new Chromium when the one it kept has died', async () => {
    const { printer, launched } = countingPrinter();
    const a = await report('Alpha Freight LLC', 400, 300);
    await printer.print(a.html, OPTIONS, a.photos);
    await launched[0]?.close();
    const again = read(await printer.print(a.html, OPTIONS, a.photos), 'after-crash');
    expect(again.text).toContain('Alpha Freight LLC');
    expect(again.images).toEqual(['400×300']);
    expect(launched).toHaveLength(2);
  }, 60_000);

  it('closes Chromium when no export comes, and closes it only after the exports already asked for', async () => {
    const idle = countingPrinter(200);
    const a = await report('Alpha Freight LLC', 400, 300);
    await idle.printer.print(a.html, OPTIONS, a.photos);
    const browser = idle.launched[0];
    if (browser?.isConnected()) await new Promise((closed) => browser.once('disconnected', closed));
    expect(browser?.isConnected()).toBe(false);

    const { printer, launched } = countingPrinter();
    const printing = printer.print(a.html, OPTIONS, a.photos);
    await printer.close();
    expect(read(await printing, 'before-close').text).toContain('Alpha Freight LLC');
    expect(launched[0]?.isConnected()).toBe(false);
  }, 60_000);
});
