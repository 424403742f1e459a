import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import { forgetDownscaledPhotos, loadReportPhotos } from '../../electron/services/report/photos';
import { makeJpeg, makePng } from './evidence-fixtures';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-report-photos-'));
  forgetDownscaledPhotos();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function store(sha256: string, bytes: Uint8Array | string) {
  const file = evidenceFilePath(dataDir, sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

const photo = (n: number, fileName: string) => ({ sha256: String(n).repeat(64), fileName, caption: '' });

describe('loadReportPhotos', () => {
  it('downscales a large photo to a 1200-pixel JPEG data URI, keeping its proportions', async () => {
    store('1'.repeat(64), await makeJpeg(4000, 3000));
    const { photos, warnings } = await loadReportPhotos(dataDir, [photo(1, 'dock.jpg')]);
    expect(warnings).toEqual([]);
    const loaded = photos.get('1'.repeat(64));
    expect(loaded).toMatchObject({ width: 1200, height: 900 });
    expect(loaded?.dataUri).toMatch(/^data:image\/jpeg;base64,/);
    const decoded = await sharp(Buffer.from(loaded?.dataUri.split(',')[1] ?? '', 'base64')).metadata();
    expect(decoded).toMatchObject({ format: 'jpeg', width: 1200, height: 900 });
  });

  it('keeps a small photo at its size, as a JPEG', async () => {
    store('2'.repeat(64), await makePng(300, 200));
    const { photos } = await loadReportPhotos(dataDir, [photo(2, 'small.png')]);
    expect(photos.get('2'.repeat(64))).toMatchObject({ width: 300, height: 200 });
    expect(photos.get('2'.repeat(64))?.dataUri).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('leaves out a missing or damaged file with a warning naming it, and still returns the others', async () => {
    store('3'.repeat(64), await makeJpeg(800, 600));
    store('5'.repeat(64), 'this is not an image');
    const { photos, warnings } = await loadReportPhotos(dataDir, [
      photo(3, 'fine.jpg'),
      photo(4, 'gone.jpg'),
      photo(5, 'broken.jpg'),
    ]);
    expect([...photos.keys()]).toEqual(['3'.repeat(64)]);
    expect(warnings).toEqual([
      'Photo left out: "gone.jpg" is not on this computer (its file is missing).',
      'Photo left out: "broken.jpg" could not be read as an image here (the file may be damaged, or in a format such as HEIC that cannot be shown).',
    ]);
  });

  it('still produces the report when the image library cannot be loaded, naming each photo left out', async () => {
    store('6'.repeat(64), await makeJpeg(800, 600));
    const { photos, warnings } = await loadReportPhotos(dataDir, [photo(6, 'dock.jpg')], {
      loadSharp: () => {
        throw new Error('no native module');
      },
    });
    expect(photos.size).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('"dock.jpg"')]);
  });

  it('downscales a photo once: the export after the preview reuses it, unless its file has gone since', async () => {
    store('7'.repeat(64), await makeJpeg(2000, 1500));
    let decodes = 0;
    const counting = {
      loadSharp: () =>
        ((...args: Parameters<typeof sharp>) => {
          decodes++;
          return sharp(...args);
        }) as typeof sharp,
    };
    const preview = await loadReportPhotos(dataDir, [photo(7, 'gate.jpg')], counting);
    const exported = await loadReportPhotos(dataDir, [photo(7, 'gate.jpg')], counting);
    expect(decodes).toBe(1);
    expect(exported.photos.get('7'.repeat(64))).toEqual(preview.photos.get('7'.repeat(64)));
    expect(exported.photos.get('7'.repeat(64))).toMatchObject({ width: 1200, height: 900 });
    // A smaller size is its own downscale.
    await loadReportPhotos(dataDir, [photo(7, 'gate.jpg')], { ...counting, edge: 600 });
    expect(decodes).toBe(2);
    fs.rmSync(evidenceFilePath(dataDir, '7'.repeat(64)));
    const afterDelete = await loadReportPhotos(dataDir, [photo(7, 'gate.jpg')], counting);
    expect(afterDelete.photos.size).toBe(0);
    expect(afterDelete.warnings).toEqual([expect.stringContaining('"gate.jpg" is not on this computer')]);
  });
});
