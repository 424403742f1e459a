import { describe, expect, it } from 'vitest';
import type { EmbeddedPhoto } from '../../shared/report/embedded-photo';
import { printTemplates, renderReportHtml } from '../../shared/report/html';
import { buildReportModel, type ReportAudience } from '../../shared/report/model';
import { INTERNAL_SECRETS, reportInput, SHA } from './report-fixture';

const GENERATED = '2026-03-21T12:00:00.000Z';
const JPEG_URI = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';

function render(
  audience: ReportAudience,
  opts: { draft?: boolean; marking?: string; photos?: Map<string, EmbeddedPhoto> } = {},
) {
  const base = reportInput();
  const input = opts.draft ? reportInput({ validation: { ...base.validation, status: 'IN_PROGRESS' } }) : base;
  const model = buildReportModel(input, { audience, marking: opts.marking, generatedAt: GENERATED });
  return renderReportHtml(model, { photos: opts.photos });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('renderReportHtml', () => {
  it('escapes what the SCSS typed: a <script> in a description is text, and the page has no script at all', () => {
    const html = render('INTERNAL');
    expect(html).toContain('Unique logins are not enforced &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('content="default-src &#39;none&#39;; img-src data:; style-src &#39;unsafe-inline&#39;"');
  });

  it('shows the marking banner at the top and the bottom, escaped', () => {
    const html = render('MEMBER', { marking: 'CUI//SP-PRVCY <b>' });
    expect(count(html, '>CUI//SP-PRVCY &lt;b&gt;</div>')).toBe(2);
    expect(html.indexOf('marking-top')).toBeLessThan(html.indexOf('<main>'));
    expect(html.indexOf('marking-bottom')).toBeGreaterThan(html.indexOf('</main>'));
  });

  it('carries a DRAFT watermark only while the validation is not submitted', () => {
    expect(render('MEMBER', { draft: true })).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(render('MEMBER', { draft: true })).toContain('This validation has not been submitted');
    expect(render('MEMBER')).not.toContain('class="watermark"');
    expect(render('MEMBER')).not.toContain('This validation has not been submitted');
  });

  it('is an accessible document: English, one h1, a contents list linking each h2, table headers with scope', () => {
    const html = render('INTERNAL');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(count(html, '<h1>')).toBe(1);
    const sectionIds = [...html.matchAll(/<section aria-labelledby="([^"]+)"><h2 id="\1">/g)].map((m) => m[1]);
    expect(sectionIds).toEqual([
      'summary',
      'action-required',
      'recommendations',
      'best-practices',
      'member-response',
      'criteria',
      'reviews',
      'session-log',
      'checklists',
      'evidence-manifest',
      'history',
      'signature',
    ]);
    for (const id of sectionIds) expect(html).toContain(`<a href="#${id}">`);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
    expect(count(html, 'scope="col"')).toBeGreaterThan(20);
  });

  it('lists Action Required findings before recommendations, each under its own heading', () => {
    const html = render('MEMBER');
    const at = (text: string) => html.indexOf(text);
    expect(at('4.1 · ')).toBeGreaterThan(at('id="action-required"'));
    expect(at('9.6 · ')).toBeGreaterThan(at('4.1 · '));
    expect(at('id="recommendations"')).toBeGreaterThan(at('9.6 · '));
    expect(at('2.4 · ')).toBeGreaterThan(at('id="recommendations"'));
  });

  it('shows none of the internal items in the Member-facing report', () => {
    const member = render('MEMBER');
    for (const secret of INTERNAL_SECRETS) expect(member, secret).not.toContain(secret);
    expect(member).not.toContain('Evidence manifest');
    const internal = render('INTERNAL');
    for (const secret of INTERNAL_SECRETS) expect(internal, secret).toContain(secret);
  });

  it('embeds the photos it is given and shows a named placeholder for the others', () => {
    const photos = new Map([[SHA.findingPhoto, { dataUri: JPEG_URI, width: 1200, height: 900 }]]);
    const html = render('MEMBER', { photos });
    expect(html).toContain(`<img src="${JPEG_URI}" width="1200" height="900" alt="Gap in the east fence">`);
    expect(html).toContain('Photo not available: terminal.jpg');
    expect(html).not.toContain('Photo not available: fence-gap.jpg');
  });

  it('refuses a photo source that is not an embedded JPEG or PNG', () => {
    const photos = new Map([[SHA.findingPhoto, { dataUri: 'javascript:alert(1)', width: 10, height: 10 }]]);
    const html = render('MEMBER', { photos });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Photo not available: fence-gap.jpg');
  });
});

describe('printTemplates', () => {
  it('puts the escaped marking in the header and footer, and page x of y in the footer', () => {
    const { headerTemplate, footerTemplate } = printTemplates('CUI <i>');
    expect(headerTemplate).toContain('CUI &lt;i&gt;');
    expect(footerTemplate).toContain('CUI &lt;i&gt;');
    expect(footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });
});
