import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../shared/report/docx';
import type { EmbeddedPhoto } from '../../shared/report/embedded-photo';
import { buildReportModel, type ReportAudience } from '../../shared/report/model';
import { makeJpeg } from './evidence-fixtures';
import { INTERNAL_SECRETS, reportInput, SHA } from './report-fixture';

/** A .docx read back the way Word would: its XML parts, and the text of the body with tags removed. */
async function readDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  const document = await part('word/document.xml');
  const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(part));
  const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(part));
  const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  return { names, document, headers: headers.join('\n'), footers: footers.join('\n'), text };
}

async function render(audience: ReportAudience, opts: { draft?: boolean; photos?: Map<string, EmbeddedPhoto> } = {}) {
  const base = reportInput({
    findings: reportInput().findings.map((f) =>
      f.criterionId === '2.4' ? { ...f, description: 'يجب مراجعة تقييم المخاطر سنويًا' } : f,
    ),
  });
  const input = opts.draft ? { ...base, validation: { ...base.validation, status: 'IN_PROGRESS' as const } } : base;
  const model = buildReportModel(input, {
    audience,
    marking: 'CUI//SP-PRVCY',
    generatedAt: '2026-03-21T12:00:00.000Z',
  });
  return readDocx(await renderReportDocx(model, { photos: opts.photos }));
}

const headingTexts = (document: string, level: number) =>
  [...document.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>(.*?)</w:p>`, 'gs'))].map(
    (m) => [...(m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('renderReportDocx', () => {
  it('uses real Word headings: the title, one per section, one per finding', async () => {
    const { document } = await render('INTERNAL');
    expect(headingTexts(document, 1)).toEqual(['CTPAT Validation Report']);
    expect(headingTexts(document, 2)).toEqual([
      'Summary by category',
      'Action Required findings',
      'Recommendations',
      'Best practices observed',
      'What the Member must send back, and by when',
      'Criteria and how each was verified',
      'Reviewer decisions and comments',
      'Virtual session log',
      'Inspection checklists',
      'Evidence manifest',
      'Workflow history',
      'Signature',
    ]);
    const ids = (doc: string) => headingTexts(doc, 3).map((h) => h.split(' ')[0]);
    // Findings (Action Required first), then the internal report's session and checklist headings.
    expect(ids(document)).toEqual(['4.1', '9.6', '2.4', 'Notes', 'Session', '6.7']);
    expect(ids((await render('MEMBER')).document)).toEqual(['4.1', '9.6', '2.4']);
  });

  it('has real tables with a header row Word repeats on each page', async () => {
    const { document } = await render('MEMBER');
    expect((document.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('Not applicable');
  });

  it('keeps typed text as text, Arabic right to left', async () => {
    const { document, text } = await render('MEMBER');
    expect(text).toContain('Unique logins are not enforced &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(text).toContain('يجب مراجعة تقييم المخاطر سنويًا');
    expect(document).toMatch(/<w:bidi\/>(?:(?!<\/w:p>).)*يجب مراجعة/s);
  });

  it('puts the marking in every page header and footer, with page x of y', async () => {
    const { headers, footers } = await render('MEMBER');
    expect(headers).toContain('CUI//SP-PRVCY');
    expect(footers).toContain('CUI//SP-PRVCY');
    expect(footers).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('marks a draft with a watermark and a note, and a submitted report with neither', async () => {
    const draft = await render('MEMBER', { draft: true });
    expect(draft.headers).toMatch(/<v:shape[^>]*>[\s\S]*string="DRAFT"/);
    expect(draft.text).toContain('This validation has not been submitted');
    const final = await render('MEMBER');
    expect(final.headers).not.toContain('DRAFT');
    expect(final.text).not.toContain('This validation has not been submitted');
  });

  it('ends with a signature block; the internal one carries the fingerprint', async () => {
    const internal = await render('INTERNAL');
    expect(internal.text).toMatch(/Signed by .*Dana Ruiz/);
    expect(internal.text).toContain('d'.repeat(64));
    expect(internal.text).toContain('Matches the content in this report');
    const member = await render('MEMBER');
    expect(headingTexts(member.document, 2).at(-1)).toBe('Signature');
    expect(member.text).toContain('Supervisory Supply Chain Security Specialist');
  });

  it('embeds the photos it is given and names the ones it is not', async () => {
    const jpeg = await makeJpeg(400, 300);
    const photos = new Map([
      [SHA.findingPhoto, { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, width: 400, height: 300 }],
    ]);
    const { names, text } = await render('MEMBER', { photos });
    expect(names.filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    expect(text).toContain('Photo not available: terminal.jpg');
    expect(text).not.toContain('Photo not available: fence-gap.jpg');
  });

  it('leaves every internal item out of the Member-facing document', async () => {
    const member = await render('MEMBER');
    const internal = await render('INTERNAL');
    for (const secret of INTERNAL_SECRETS) {
      expect(member.document, secret).not.toContain(secret);
      expect(internal.document, secret).toContain(secret);
    }
  });
});
