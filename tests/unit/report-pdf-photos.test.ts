import { describe, expect, it } from 'vitest';
import { isServedPhotoUrl, servedPhoto } from '../../electron/services/report/served-photo';
import { type EmbeddedPhoto, servedPhotoUrl } from '../../shared/report/embedded-photo';
import { renderReportHtml } from '../../shared/report/html';
import { buildReportModel } from '../../shared/report/model';
import { reportInput, SHA } from './report-fixture';

const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2w==', 'base64');
const JPEG_URI = `data:image/jpeg;base64,${JPEG.toString('base64')}`;
const PHOTOS = new Map<string, EmbeddedPhoto>([[SHA.findingPhoto, { dataUri: JPEG_URI, width: 1200, height: 900 }]]);

function reportHtml(photosServed: boolean): string {
  const model = buildReportModel(reportInput(), { audience: 'INTERNAL', generatedAt: '2026-03-21T12:00:00.000Z' });
  return renderReportHtml(model, { photos: PHOTOS, photosServed });
}

describe('the PDF printer serves the report photos apart from its HTML', () => {
  it('renders each photo as a request for its served URL, and lets the page load those URLs only', () => {
    const html = reportHtml(true);
    expect(html).toContain(`<img src="https://report.invalid/photo/${SHA.findingPhoto}" width="1200" height="900"`);
    expect(html).not.toContain('data:image');
    expect(html).toContain(
      'content="default-src &#39;none&#39;; img-src https://report.invalid; style-src &#39;unsafe-inline&#39;"',
    );
  });

  it('answers a photo URL with the same bytes the preview embeds', () => {
    expect(servedPhoto(servedPhotoUrl(SHA.findingPhoto), PHOTOS)).toEqual({ contentType: 'image/jpeg', body: JPEG });
  });

  it('answers nothing else: another photo, another path or host, or a photo that is not a JPEG or PNG', () => {
    const url = servedPhotoUrl(SHA.findingPhoto);
    for (const other of [
      servedPhotoUrl('0'.repeat(64)),
      `${url}?x=1`,
      url.toUpperCase(),
      url.replace('report.invalid', 'example.com'),
      'https://report.invalid/',
      `file:///photo/${SHA.findingPhoto}`,
    ]) {
      expect(servedPhoto(other, PHOTOS), other).toBeUndefined();
      expect(isServedPhotoUrl(other, PHOTOS), other).toBe(false);
    }
    expect(isServedPhotoUrl(url, PHOTOS)).toBe(true);
    const script = new Map([[SHA.findingPhoto, { dataUri: 'javascript:alert(1)', width: 1, height: 1 }]]);
    expect(servedPhoto(url, script)).toBeUndefined();
    const model = buildReportModel(reportInput(), { audience: 'MEMBER', generatedAt: '2026-03-21T12:00:00.000Z' });
    const page = renderReportHtml(model, { photos: script, photosServed: true });
    expect(page).not.toContain(url);
    expect(page).toContain('Photo not available: fence-gap.jpg');
  });

  it('differs from the preview page only in where the photos come from', () => {
    const served = reportHtml(true)
      .replace(servedPhotoUrl(SHA.findingPhoto), JPEG_URI)
      .replace('img-src https://report.invalid', 'img-src data:');
    expect(served).toBe(reportHtml(false));
  });
});
