import { describe, expect, it } from 'vitest';
import { photosServedApart } from '../../electron/services/report/pdf';
import { renderReportHtml } from '../../shared/report/html';
import { buildReportModel } from '../../shared/report/model';
import { reportInput, SHA } from './report-fixture';

const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2w==', 'base64');
const TYPED =
  '<img src="data:image/jpeg;base64,AAAA"> <meta http-equiv="Content-Security-Policy" content="img-src data:">';

function reportHtml(): string {
  const model = buildReportModel(reportInput(), { audience: 'INTERNAL', generatedAt: '2026-03-21T12:00:00.000Z' });
  const [first] = model.actionRequired;
  if (!first) throw new Error('the fixture has no Action Required finding');
  first.description = TYPED;
  const photos = new Map([
    [SHA.findingPhoto, { dataUri: `data:image/jpeg;base64,${JPEG.toString('base64')}`, width: 1200, height: 900 }],
  ]);
  return renderReportHtml(model, { photos });
}

describe('the PDF printer serves the report photos apart from its HTML', () => {
  it('asks for each embedded photo by URL and answers with the same bytes', () => {
    const served = photosServedApart(reportHtml());
    expect(served.photos).toEqual([{ contentType: 'image/jpeg', body: JPEG }]);
    expect(served.html).toContain('<img src="https://report.invalid/photo/0" width="1200" height="900"');
    expect(served.html).not.toContain('<img src="data:');
  });

  it('lets the page load those URLs and nothing else', () => {
    const served = photosServedApart(reportHtml());
    expect(served.html).toContain(
      'content="default-src &#39;none&#39;; img-src https://report.invalid; style-src &#39;unsafe-inline&#39;"',
    );
  });

  it('leaves what the SCSS typed as typed, even when it spells an image or a CSP', () => {
    const html = reportHtml();
    const escaped = '&lt;img src=&quot;data:image/jpeg;base64,AAAA&quot;&gt;';
    expect(html).toContain(escaped);
    const served = photosServedApart(html);
    expect(served.html).toContain(escaped);
    expect(served.html).toContain('content=&quot;img-src data:&quot;&gt;');
    // Nothing else changed: putting the photo and the CSP back gives the HTML as rendered.
    const restored = served.html
      .replace('https://report.invalid/photo/0', `data:image/jpeg;base64,${JPEG.toString('base64')}`)
      .replace('img-src https://report.invalid', 'img-src data:');
    expect(restored).toBe(html);
  });
});
