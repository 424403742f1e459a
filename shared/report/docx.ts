import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { formatFileSize } from '../domain/evidence-files';
import { isEmbeddableDataUri, missingPhotoText, NO_PHOTOS, type PhotoLookup } from './embedded-photo';
import { formatReportDate, formatReportDateTime } from './format';
import {
  type InternalReport,
  isInternal,
  REPORT_AUDIENCE_LABELS,
  type ReportFinding,
  type ReportModel,
  reasonShown,
  responseDueText,
} from './model';
import { isRightToLeft, xmlSafe } from './text';

/**
 * The report as an editable Word document: real headings (Word's navigation pane lists them), real tables,
 * the marking in every page's header and footer, a DRAFT watermark and note on an unsubmitted validation,
 * and a signature block. The Member-facing letter is the one people edit before sending.
 */

export type DocxRenderOptions = { photos?: PhotoLookup };

type Block = Paragraph | Table;

const FONT = 'Arial';
/** Widest a photo is drawn, in pixels at 96 per inch: 6.5 inches of text width on Letter with 1-inch margins. */
const PHOTO_MAX_WIDTH = 480;
const PHOTO_MAX_HEIGHT = 360;

/** User text, line breaks kept, right to left when it starts that way. */
function textParagraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const clean = xmlSafe(text);
  const rtl = isRightToLeft(clean);
  const lines = clean.split(/\r?\n/);
  return new Paragraph({
    bidirectional: rtl,
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, rightToLeft: rtl, ...options })),
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun({ text: xmlSafe(text) })] });

const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlSafe(value))] });

const cell = (text: string, header = false) =>
  new TableCell({
    children: [textParagraph(text, { bold: header })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6E6E6' } : undefined,
  });

/** A table whose first row is a header Word repeats on every page. */
function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: false, children: r.map((v) => cell(v)) })),
    ],
  });
}

/** Label and value pairs as a two-column table with the labels shaded. */
function factsTable(rows: Array<[string, string] | null>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3000, 6360],
    rows: rows
      .filter((r): r is [string, string] => r !== null)
      .map(([label, value]) => new TableRow({ children: [cell(label, true), cell(value)] })),
  });
}

function cover(model: ReportModel): Block[] {
  const c = model.cover;
  const sites = c.sitesVisited
    .map(
      (s) =>
        `${s.name} (${s.siteType})${s.address ? `, ${s.address}` : ''}${s.visitDate ? `, visited ${formatReportDate(s.visitDate)}` : ''}`,
    )
    .join('\n');
  return [
    heading(model.title, HeadingLevel.HEADING_1),
    new Paragraph({
      children: [
        new TextRun({ text: `${REPORT_AUDIENCE_LABELS[model.audience]} · ${xmlSafe(c.memberName)}`, color: '565C65' }),
      ],
    }),
    ...(model.draft
      ? [
          new Paragraph({
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B50909', space: 6 } },
            children: [
              new TextRun({ text: 'DRAFT. ', bold: true }),
              new TextRun(
                'This validation has not been submitted; its content may still change and this report is not final.',
              ),
            ],
          }),
        ]
      : []),
    factsTable([
      ['Member', c.memberName],
      ['CTPAT account number', c.accountNumber],
      c.memberLocation ? ['Location', c.memberLocation] : null,
      ['Entity type', c.entityType],
      ['Validation', c.mode],
      ['Validation date', formatReportDate(c.validationDate)],
      c.sessionDates.length ? ['Virtual sessions', c.sessionDates.map(formatReportDate).join('; ')] : null,
      ['Sites visited', sites || 'No sites recorded'],
      ['Supply Chain Security Specialist', c.scssName ?? '—'],
      ['Field office', c.fieldOffice ?? '—'],
      ['Minimum Security Criteria', `${c.edition.title ?? 'Edition'} (${c.edition.id})`],
      ['Status', c.status],
      c.submittedAt ? ['Submitted', formatReportDateTime(c.submittedAt)] : null,
      ['Report date', c.reportDate ? formatReportDate(c.reportDate) : 'Not yet approved'],
      c.responseDueDate ? ['Member response due', formatReportDate(c.responseDueDate)] : null,
      c.fingerprint ? ['Validation fingerprint (SHA-256)', c.fingerprint] : null,
      c.reportFingerprint ? ['Report fingerprint (SHA-256)', c.reportFingerprint] : null,
      ['Generated', formatReportDateTime(model.generatedAt)],
    ]),
  ];
}

function summary(model: ReportModel): Block[] {
  const t = model.summary.totals;
  const row = (label: string, c: typeof t) =>
    [label, c.criteria, c.assessed, c.compliant, c.deficient, c.notApplicable, c.notAssessed].map(String);
  return [
    heading('Summary by category', HeadingLevel.HEADING_2),
    table(
      ['Category', 'Criteria', 'Assessed', 'Compliant', 'Deficient', 'Not applicable', 'Not assessed'],
      [...model.summary.categories.map((c) => row(`${c.category}. ${c.name}`, c)), row('All categories', t)],
    ),
  ];
}

function photoBlocks(f: ReportFinding, photos: PhotoLookup): Block[] {
  return f.photos.flatMap((p) => {
    const embedded = photos.get(p.sha256);
    const caption = new Paragraph({
      children: [
        new TextRun({
          text: xmlSafe(p.caption.trim() ? `${p.caption} — ${p.fileName}` : p.fileName),
          italics: true,
          size: 18,
        }),
      ],
    });
    if (!embedded || !isEmbeddableDataUri(embedded.dataUri)) {
      return [
        new Paragraph({ children: [new TextRun({ text: xmlSafe(missingPhotoText(p.fileName)), bold: true })] }),
        caption,
      ];
    }
    const scale = Math.min(1, PHOTO_MAX_WIDTH / embedded.width, PHOTO_MAX_HEIGHT / embedded.height);
    return [
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: embedded.dataUri.startsWith('data:image/png') ? 'png' : 'jpg',
            data: embedded.dataUri,
            transformation: { width: Math.round(embedded.width * scale), height: Math.round(embedded.height * scale) },
            altText: {
              name: xmlSafe(p.fileName),
              description: xmlSafe(p.caption || p.fileName),
              title: xmlSafe(p.fileName),
            },
          }),
        ],
      }),
      caption,
    ];
  });
}

function finding(model: ReportModel, f: ReportFinding, photos: PhotoLookup): Block[] {
  const blocks: Block[] = [
    heading(
      `${f.criterionId} · ${f.criterionSummary ?? 'Criterion not in the installed catalog'}`,
      HeadingLevel.HEADING_3,
    ),
    labelled('Classification', f.classificationLabel),
    labelled('Category', `${f.category}. ${f.categoryName}`),
    ...(f.criterionLevel ? [labelled('Requirement level', f.criterionLevel)] : []),
    ...(reasonShown(f) ? [labelled('Deficiency reason', f.reason ?? 'Not given')] : []),
    labelled('Response due', responseDueText(f, formatReportDate)),
  ];
  if (f.requirements.length) {
    blocks.push(
      new Paragraph({ children: [new TextRun({ text: `Criterion ${f.criterionId} requires`, bold: true })] }),
    );
    for (const r of f.requirements) {
      blocks.push(
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlSafe(`(${r.key}) ${r.level}: ${r.text}`))] }),
      );
    }
  }
  blocks.push(new Paragraph({ children: [new TextRun({ text: 'What was found', bold: true })] }));
  blocks.push(textParagraph(f.description || 'No description recorded.'));
  if (isInternal(model)) blocks.push(...internalFindingParts(model, f));
  if (f.photos.length) {
    blocks.push(new Paragraph({ children: [new TextRun({ text: 'Photos', bold: true })] }), ...photoBlocks(f, photos));
  }
  return blocks;
}

function internalFindingParts(model: InternalReport, f: ReportFinding): Block[] {
  const detail = model.internal.criterionDetails.find((d) => d.criterionId === f.criterionId);
  const review = model.internal.reviews.find((r) => r.findingId === f.id);
  const decision = review?.decision
    ? `${review.decision}${review.proposedClassification ? ` (proposes ${review.proposedClassification})` : ''} by ${review.reviewedBy}, ${formatReportDateTime(review.reviewedAt)}`
    : 'No decision yet';
  return [
    labelled('How verified', detail?.verificationMethods.join(', ') || 'Not recorded'),
    labelled('Site', detail?.siteName ?? '—'),
    labelled('Review decision', decision),
    ...(review?.comment ? [labelled('Reviewer comment', ''), textParagraph(review.comment)] : []),
    new Paragraph({ children: [new TextRun({ text: `SCSS notes on ${f.criterionId}`, bold: true })] }),
    textParagraph(detail?.notes.trim() ? detail.notes : 'None recorded.'),
  ];
}

function findings(
  model: ReportModel,
  list: ReportFinding[],
  title: string,
  none: string,
  photos: PhotoLookup,
): Block[] {
  return [
    heading(title, HeadingLevel.HEADING_2),
    ...(list.length ? list.flatMap((f) => finding(model, f, photos)) : [new Paragraph(none)]),
  ];
}

function memberSections(model: ReportModel, photos: PhotoLookup): Block[] {
  const r = model.responseRequest;
  return [
    ...summary(model),
    ...findings(
      model,
      model.actionRequired,
      'Action Required findings',
      'There are no Action Required findings.',
      photos,
    ),
    ...findings(model, model.recommendations, 'Recommendations', 'There are no recommendations.', photos),
    heading('Best practices observed', HeadingLevel.HEADING_2),
    ...(model.bestPractices.length
      ? model.bestPractices.map((b) => textParagraph(`${b.category}. ${b.categoryName}: ${b.text}`))
      : [new Paragraph('No best practices were recorded.')]),
    heading('What the Member must send back, and by when', HeadingLevel.HEADING_2),
    ...(r.items.length
      ? [
          new Paragraph(
            `For each Action Required finding below, send CBP a written response describing the corrective action taken or planned, with evidence that it is in place${
              r.dueDate ? `, by ${formatReportDate(r.dueDate)}` : ', by the date shown'
            }. Recommendations are not mandatory; a response to them is welcome.`,
          ),
          table(
            ['Criterion', 'Subject', 'Response due'],
            r.items.map((i) => [
              i.criterionId,
              i.criterionSummary ?? '—',
              i.dueDate ? formatReportDate(i.dueDate) : 'Set when the report is approved',
            ]),
          ),
        ]
      : [new Paragraph('There are no Action Required findings: no written response is required.')]),
  ];
}

function internalSections(model: InternalReport): Block[] {
  const i = model.internal;
  // A finding's notes are shown with the finding; a long note is not printed twice.
  const withFinding = new Set(i.reviews.map((r) => r.criterionId));
  const notes = i.criterionDetails.filter(
    (d) => !withFinding.has(d.criterionId) && (d.notes.trim() || d.naJustification.trim()),
  );
  return [
    heading('Criteria and how each was verified', HeadingLevel.HEADING_2),
    table(
      ['Criterion', 'Result', 'How verified', 'Site', 'Evidence'],
      i.criterionDetails.map((d) => [
        d.criterionId,
        d.resultLabel,
        d.verificationMethods.join(', ') || '—',
        d.siteName ?? '—',
        String(d.evidenceCount),
      ]),
    ),
    heading('Notes and Not applicable justifications', HeadingLevel.HEADING_3),
    ...(notes.length
      ? notes.flatMap((d) => [
          new Paragraph({
            children: [
              new TextRun({ text: `${d.criterionId}${d.summary ? ` · ${xmlSafe(d.summary)}` : ''}`, bold: true }),
            ],
          }),
          ...(d.naJustification.trim() ? [textParagraph(`Not applicable because: ${d.naJustification}`)] : []),
          ...(d.notes.trim() ? [textParagraph(d.notes)] : []),
        ])
      : [new Paragraph('No notes were recorded.')]),
    heading('Reviewer decisions and comments', HeadingLevel.HEADING_2),
    i.reviews.length
      ? table(
          ['Finding', 'Decision', 'Reviewer', 'Comment'],
          i.reviews.map((r) => [
            `${r.criterionId} (${r.classificationLabel})`,
            `${r.decision ?? 'No decision yet'}${r.proposedClassification ? `; proposes ${r.proposedClassification}` : ''}`,
            r.reviewedBy ? `${r.reviewedBy}, ${formatReportDateTime(r.reviewedAt)}` : '—',
            r.comment || '—',
          ]),
        )
      : new Paragraph('There are no findings to review.'),
    heading('Virtual session log', HeadingLevel.HEADING_2),
    ...(i.virtualSessions.length
      ? i.virtualSessions.flatMap((s, n) => [
          heading(
            `Session ${n + 1}: ${s.platform}, ${formatReportDateTime(s.startedAt)} to ${formatReportDateTime(s.endedAt)}`,
            HeadingLevel.HEADING_3,
          ),
          table(
            ['Name', 'Role', 'Organization'],
            s.participants.map((p) => [p.name, p.role, p.organization || '—']),
          ),
          ...(s.documents.length
            ? [
                table(
                  ['Document', 'Requested', 'Received'],
                  s.documents.map((d) => [d.title, formatReportDate(d.requestedAt), formatReportDate(d.receivedAt)]),
                ),
              ]
            : []),
          ...(s.segments.length
            ? [
                table(
                  ['Time', 'Area', 'Criteria', 'Note'],
                  s.segments.map((g) => [formatReportDateTime(g.at), g.area, g.criterionIds.join(', '), g.note || '—']),
                ),
              ]
            : []),
        ])
      : [new Paragraph('No virtual sessions were recorded.')]),
    heading('Inspection checklists', HeadingLevel.HEADING_2),
    ...(i.checklists.length
      ? i.checklists.flatMap((c) => [
          heading(
            `${c.criterionId} · ${c.title}: ${c.label || 'unlabelled'}${c.refrigerated ? ' (refrigerated)' : ''}`,
            HeadingLevel.HEADING_3,
          ),
          table(
            ['Item', 'Result', 'Note'],
            c.items.map((item) => [
              `${item.group ? `${item.group}: ` : ''}${item.label}`,
              item.status,
              item.note || '—',
            ]),
          ),
        ])
      : [new Paragraph('No inspection checklists were recorded.')]),
    heading('Evidence manifest', HeadingLevel.HEADING_2),
    i.evidenceManifest.length
      ? table(
          ['File', 'SHA-256', 'Size', 'Attached by', 'Attached', 'Observed remotely', 'Attached to'],
          i.evidenceManifest.map((e) => [
            e.fileName,
            e.sha256,
            formatFileSize(e.sizeBytes),
            e.attachedBy ?? '—',
            formatReportDateTime(e.attachedAt),
            e.observedRemotely ? 'Yes' : 'No',
            e.attachedTo,
          ]),
        )
      : new Paragraph('No evidence was attached.'),
    heading('Workflow history', HeadingLevel.HEADING_2),
    i.history.length
      ? table(
          ['When', 'Event', 'By', 'Comment'],
          i.history.map((h) => [formatReportDateTime(h.at), h.event, h.by, h.comment || '—']),
        )
      : new Paragraph('The validation has no workflow history yet.'),
  ];
}

/** Who signed and the fingerprint (internal), or lines for the letter's signatures (both audiences). */
function signatureBlock(model: ReportModel): Block[] {
  const blocks: Block[] = [heading('Signature', HeadingLevel.HEADING_2)];
  if (isInternal(model)) {
    const s = model.internal.signature;
    const check =
      s.fingerprintMatches === null
        ? 'Not checked'
        : s.fingerprintMatches
          ? 'Matches the content in this report'
          : 'DOES NOT MATCH the content in this report: the validation changed after it was signed';
    blocks.push(
      s.submittedAt
        ? factsTable([
            ['Signed by', s.signedByName ?? '—'],
            ['Submitted by', s.submittedBy ?? '—'],
            ['Submitted', formatReportDateTime(s.submittedAt)],
            ['Validation fingerprint (SHA-256)', s.contentSha256 ?? '—'],
            ['Fingerprint check', check],
          ])
        : new Paragraph(
            'Not signed: the validation has not been submitted, so it carries no signature or fingerprint.',
          ),
    );
  }
  blocks.push(
    new Paragraph({
      spacing: { before: 480 },
      children: [new TextRun('______________________________          Date: ______________')],
    }),
    new Paragraph(
      `${model.cover.scssName ?? 'Supply Chain Security Specialist'}, Supply Chain Security Specialist${model.cover.fieldOffice ? `, ${model.cover.fieldOffice}` : ''}`,
    ),
    new Paragraph({
      spacing: { before: 480 },
      children: [new TextRun('______________________________          Date: ______________')],
    }),
    new Paragraph('Supervisory Supply Chain Security Specialist'),
  );
  return blocks;
}

function markingParagraph(marking: string, extra: TextRun[] = []): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: xmlSafe(marking), bold: true }), ...extra],
  });
}

/** The report as .docx bytes. */
export async function renderReportDocx(model: ReportModel, options: DocxRenderOptions = {}): Promise<Uint8Array> {
  const photos = options.photos ?? NO_PHOTOS;
  const headerChildren = [markingParagraph(model.marking)];
  if (model.draft) {
    headerChildren.push(
      new Paragraph({ children: [new TextWatermark({ text: 'DRAFT', color: 'C00000', opacity: 0.25 })] }),
    );
  }
  const doc = new Document({
    creator: 'CTPAT Validator',
    title: xmlSafe(`${model.title}: ${model.cover.memberName}`),
    description: `${REPORT_AUDIENCE_LABELS[model.audience]} (${xmlSafe(model.marking)})${model.draft ? ', DRAFT' : ''}`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 }, // US Letter, in twentieths of a point
            margin: { top: 1296, bottom: 1296, left: 1296, right: 1296, header: 576, footer: 576 },
          },
        },
        headers: { default: new Header({ children: headerChildren }) },
        footers: {
          default: new Footer({
            children: [
              markingParagraph(model.marking),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          ...cover(model),
          ...memberSections(model, photos),
          ...(isInternal(model) ? internalSections(model) : []),
          ...signatureBlock(model),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
