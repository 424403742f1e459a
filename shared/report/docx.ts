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
import { isEmbeddableDataUri, NO_PHOTOS, type PhotoLookup } from './embedded-photo';
import { formatReportDate, formatReportDateTime } from './format';
import { fill, REPORT_TEXT, type ReportLanguage, type ReportText } from './i18n';
import {
  type InternalReport,
  isInternal,
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

/** The report's language at hand: its fixed text and its date formats. */
type Words = {
  t: ReportText;
  date: (isoDate: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
};

const wordsOf = (language: ReportLanguage): Words => ({
  t: REPORT_TEXT[language],
  date: (d) => formatReportDate(d, language),
  dateTime: (d) => formatReportDateTime(d, language),
});

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

function cover(model: ReportModel, w: Words): Block[] {
  const c = model.cover;
  const { t } = w;
  const sites = c.sitesVisited
    .map(
      (s) =>
        `${s.name} (${s.siteType})${s.address ? `, ${s.address}` : ''}${s.visitDate ? fill(t.cover.visited, { date: w.date(s.visitDate) }) : ''}`,
    )
    .join('\n');
  return [
    heading(model.title, HeadingLevel.HEADING_1),
    new Paragraph({
      children: [new TextRun({ text: `${t.audience[model.audience]} · ${xmlSafe(c.memberName)}`, color: '565C65' })],
    }),
    ...(model.draft
      ? [
          new Paragraph({
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B50909', space: 6 } },
            children: [new TextRun({ text: `${t.draft.lead} `, bold: true }), new TextRun(t.draft.note)],
          }),
        ]
      : []),
    factsTable([
      [t.cover.member, c.memberName],
      [t.cover.accountNumber, c.accountNumber],
      c.memberLocation ? [t.cover.location, c.memberLocation] : null,
      [t.cover.entityType, c.entityType],
      [t.cover.mode, c.mode],
      [t.cover.validationDate, w.date(c.validationDate)],
      c.sessionDates.length ? [t.cover.virtualSessions, c.sessionDates.map((d) => w.date(d)).join('; ')] : null,
      [t.cover.sitesVisited, sites || t.cover.noSites],
      [t.cover.scss, c.scssName ?? t.none],
      [t.cover.fieldOffice, c.fieldOffice ?? t.none],
      [t.cover.msc, fill(t.cover.editionOf, { title: c.edition.title ?? t.cover.edition, id: c.edition.id })],
      [t.cover.status, c.status],
      c.submittedAt ? [t.cover.submitted, w.dateTime(c.submittedAt)] : null,
      [t.cover.reportDate, c.reportDate ? w.date(c.reportDate) : t.cover.notYetApproved],
      c.responseDueDate ? [t.cover.responseDue, w.date(c.responseDueDate)] : null,
      c.fingerprint ? [t.cover.validationFingerprint, c.fingerprint] : null,
      c.reportFingerprint ? [t.cover.reportFingerprint, c.reportFingerprint] : null,
      [t.cover.generated, w.dateTime(model.generatedAt)],
    ]),
    ...(model.unofficialCatalogText
      ? [new Paragraph({ children: [new TextRun({ text: t.cover.unofficialCatalogText, italics: true })] })]
      : []),
  ];
}

function summary(model: ReportModel, w: Words): Block[] {
  const t = model.summary.totals;
  const s = w.t.summary;
  const row = (label: string, c: typeof t) =>
    [label, c.criteria, c.assessed, c.compliant, c.deficient, c.notApplicable, c.notAssessed].map(String);
  return [
    heading(w.t.sections.summary, HeadingLevel.HEADING_2),
    table(
      [s.category, s.criteria, s.assessed, s.compliant, s.deficient, s.notApplicable, s.notAssessed],
      [...model.summary.categories.map((c) => row(`${c.category}. ${c.name}`, c)), row(s.allCategories, t)],
    ),
  ];
}

function photoBlocks(f: ReportFinding, photos: PhotoLookup, w: Words): Block[] {
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
        new Paragraph({
          children: [
            new TextRun({ text: xmlSafe(fill(w.t.finding.photoMissing, { fileName: p.fileName })), bold: true }),
          ],
        }),
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

function finding(model: ReportModel, f: ReportFinding, photos: PhotoLookup, w: Words): Block[] {
  const t = w.t.finding;
  const blocks: Block[] = [
    heading(`${f.criterionId} · ${f.criterionSummary ?? t.criterionNotInCatalog}`, HeadingLevel.HEADING_3),
    labelled(t.classification, f.classificationLabel),
    labelled(t.category, `${f.category}. ${f.categoryName}`),
    ...(f.criterionLevel ? [labelled(t.requirementLevel, f.criterionLevel)] : []),
    ...(reasonShown(f) ? [labelled(t.deficiencyReason, f.reason ?? t.notGiven)] : []),
    labelled(t.responseDue, responseDueText(f, w.date, w.t)),
  ];
  if (f.requirements.length) {
    blocks.push(
      new Paragraph({
        children: [new TextRun({ text: fill(t.requires, { criterion: f.criterionId }), bold: true })],
      }),
    );
    for (const r of f.requirements) {
      blocks.push(
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlSafe(`(${r.key}) ${r.level}: ${r.text}`))] }),
      );
    }
  }
  blocks.push(new Paragraph({ children: [new TextRun({ text: t.whatWasFound, bold: true })] }));
  blocks.push(textParagraph(f.description || t.noDescription));
  if (isInternal(model)) blocks.push(...internalFindingParts(model, f, w));
  if (f.photos.length) {
    blocks.push(
      new Paragraph({ children: [new TextRun({ text: t.photos, bold: true })] }),
      ...photoBlocks(f, photos, w),
    );
  }
  return blocks;
}

function internalFindingParts(model: InternalReport, f: ReportFinding, w: Words): Block[] {
  const t = w.t.finding;
  const detail = model.internal.criterionDetails.find((d) => d.criterionId === f.criterionId);
  const review = model.internal.reviews.find((r) => r.findingId === f.id);
  const decision = review?.decision
    ? fill(t.decidedBy, {
        decision: review.decision,
        proposal: review.proposedClassification
          ? fill(t.proposes, { classification: review.proposedClassification })
          : '',
        reviewer: `${review.reviewedBy}`,
        at: w.dateTime(review.reviewedAt),
      })
    : t.noDecision;
  return [
    labelled(t.howVerified, detail?.verificationMethods.join(', ') || t.notRecorded),
    labelled(t.site, detail?.siteName ?? w.t.none),
    labelled(t.reviewDecision, decision),
    ...(review?.comment ? [labelled(t.reviewerComment, ''), textParagraph(review.comment)] : []),
    new Paragraph({
      children: [new TextRun({ text: fill(t.scssNotes, { criterion: f.criterionId }), bold: true })],
    }),
    textParagraph(detail?.notes.trim() ? detail.notes : t.noneRecorded),
  ];
}

function findings(
  model: ReportModel,
  list: ReportFinding[],
  title: string,
  none: string,
  photos: PhotoLookup,
  w: Words,
): Block[] {
  return [
    heading(title, HeadingLevel.HEADING_2),
    ...(list.length ? list.flatMap((f) => finding(model, f, photos, w)) : [new Paragraph(none)]),
  ];
}

function memberSections(model: ReportModel, photos: PhotoLookup, w: Words): Block[] {
  const r = model.responseRequest;
  const { t } = w;
  const rr = t.responseRequest;
  return [
    ...summary(model, w),
    ...findings(model, model.actionRequired, t.sections.actionRequired, t.finding.noneActionRequired, photos, w),
    ...findings(model, model.recommendations, t.sections.recommendations, t.finding.noneRecommendations, photos, w),
    heading(t.sections.bestPractices, HeadingLevel.HEADING_2),
    ...(model.bestPractices.length
      ? model.bestPractices.map((b) => textParagraph(`${b.category}. ${b.categoryName}: ${b.text}`))
      : [new Paragraph(t.bestPractices.none)]),
    heading(t.sections.memberResponse, HeadingLevel.HEADING_2),
    ...(r.items.length
      ? [
          new Paragraph(
            fill(rr.requestShort, { due: r.dueDate ? fill(rr.byDate, { date: w.date(r.dueDate) }) : rr.byDateShown }),
          ),
          table(
            [rr.criterion, rr.subject, rr.responseDue],
            r.items.map((i) => [
              i.criterionId,
              i.criterionSummary ?? t.none,
              i.dueDate ? w.date(i.dueDate) : t.finding.setAtApproval,
            ]),
          ),
        ]
      : [new Paragraph(rr.noneRequired)]),
  ];
}

function internalSections(model: InternalReport, w: Words): Block[] {
  const i = model.internal;
  const { t } = w;
  // A finding's notes are shown with the finding; a long note is not printed twice.
  const withFinding = new Set(i.reviews.map((r) => r.criterionId));
  const notes = i.criterionDetails.filter(
    (d) => !withFinding.has(d.criterionId) && (d.notes.trim() || d.naJustification.trim()),
  );
  return [
    heading(t.sections.criteria, HeadingLevel.HEADING_2),
    table(
      [t.criteria.criterion, t.criteria.result, t.criteria.howVerified, t.criteria.site, t.criteria.evidence],
      i.criterionDetails.map((d) => [
        d.criterionId,
        d.resultLabel,
        d.verificationMethods.join(', ') || t.none,
        d.siteName ?? t.none,
        String(d.evidenceCount),
      ]),
    ),
    heading(t.criteria.notesHeading, HeadingLevel.HEADING_3),
    ...(notes.length
      ? notes.flatMap((d) => [
          new Paragraph({
            children: [
              new TextRun({ text: `${d.criterionId}${d.summary ? ` · ${xmlSafe(d.summary)}` : ''}`, bold: true }),
            ],
          }),
          ...(d.naJustification.trim()
            ? [textParagraph(`${t.criteria.notApplicableBecause} ${d.naJustification}`)]
            : []),
          ...(d.notes.trim() ? [textParagraph(d.notes)] : []),
        ])
      : [new Paragraph(t.criteria.noNotes)]),
    heading(t.sections.reviews, HeadingLevel.HEADING_2),
    i.reviews.length
      ? table(
          [t.reviews.finding, t.reviews.decision, t.reviews.reviewer, t.reviews.comment],
          i.reviews.map((r) => [
            `${r.criterionId} (${r.classificationLabel})`,
            `${r.decision ?? t.finding.noDecision}${r.proposedClassification ? fill(t.reviews.proposes, { classification: r.proposedClassification }) : ''}`,
            r.reviewedBy ? `${r.reviewedBy}, ${w.dateTime(r.reviewedAt)}` : t.none,
            r.comment || t.none,
          ]),
        )
      : new Paragraph(t.reviews.none),
    heading(t.sections.sessionLog, HeadingLevel.HEADING_2),
    ...(i.virtualSessions.length
      ? i.virtualSessions.flatMap((s, n) => [
          heading(
            fill(t.sessions.heading, {
              number: n + 1,
              platform: s.platform,
              from: w.dateTime(s.startedAt),
              to: w.dateTime(s.endedAt),
            }),
            HeadingLevel.HEADING_3,
          ),
          table(
            [t.sessions.name, t.sessions.role, t.sessions.organization],
            s.participants.map((p) => [p.name, p.role, p.organization || t.none]),
          ),
          ...(s.documents.length
            ? [
                table(
                  [t.sessions.document, t.sessions.requested, t.sessions.received],
                  s.documents.map((d) => [d.title, w.date(d.requestedAt), w.date(d.receivedAt)]),
                ),
              ]
            : []),
          ...(s.segments.length
            ? [
                table(
                  [t.sessions.time, t.sessions.area, t.sessions.criteria, t.sessions.note],
                  s.segments.map((g) => [w.dateTime(g.at), g.area, g.criterionIds.join(', '), g.note || t.none]),
                ),
              ]
            : []),
        ])
      : [new Paragraph(t.sessions.none)]),
    heading(t.sections.checklists, HeadingLevel.HEADING_2),
    ...(i.checklists.length
      ? i.checklists.flatMap((c) => [
          heading(
            `${c.criterionId} · ${c.title}: ${c.label || t.checklists.unlabelled}${c.refrigerated ? t.checklists.refrigerated : ''}`,
            HeadingLevel.HEADING_3,
          ),
          table(
            [t.checklists.item, t.checklists.result, t.checklists.note],
            c.items.map((item) => [
              `${item.group ? `${item.group}: ` : ''}${item.label}`,
              item.status,
              item.note || t.none,
            ]),
          ),
        ])
      : [new Paragraph(t.checklists.none)]),
    heading(t.sections.evidenceManifest, HeadingLevel.HEADING_2),
    i.evidenceManifest.length
      ? table(
          [
            t.manifest.file,
            t.manifest.sha256,
            t.manifest.size,
            t.manifest.attachedBy,
            t.manifest.attached,
            t.manifest.observedRemotely,
            t.manifest.attachedTo,
          ],
          i.evidenceManifest.map((e) => [
            e.fileName,
            e.sha256,
            formatFileSize(e.sizeBytes),
            e.attachedBy ?? t.none,
            w.dateTime(e.attachedAt),
            e.observedRemotely ? t.yes : t.no,
            e.attachedTo,
          ]),
        )
      : new Paragraph(t.manifest.none),
    heading(t.sections.history, HeadingLevel.HEADING_2),
    i.history.length
      ? table(
          [t.history.when, t.history.event, t.history.by, t.history.comment],
          i.history.map((h) => [w.dateTime(h.at), h.event, h.by, h.comment || t.none]),
        )
      : new Paragraph(t.history.none),
  ];
}

/** Who signed and the fingerprint (internal), or lines for the letter's signatures (both audiences). */
function signatureBlock(model: ReportModel, w: Words): Block[] {
  const t = w.t.signature;
  const blocks: Block[] = [heading(w.t.sections.signature, HeadingLevel.HEADING_2)];
  if (isInternal(model)) {
    const s = model.internal.signature;
    const check = s.fingerprintMatches === null ? t.notChecked : s.fingerprintMatches ? t.matches : t.doesNotMatch;
    blocks.push(
      s.submittedAt
        ? factsTable([
            [t.signedBy, s.signedByName ?? w.t.none],
            [t.submittedBy, s.submittedBy ?? w.t.none],
            [t.submitted, w.dateTime(s.submittedAt)],
            [t.fingerprint, s.contentSha256 ?? w.t.none],
            [t.check, check],
          ])
        : new Paragraph(t.notSignedDocx),
    );
  }
  blocks.push(
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun(t.dateLine)] }),
    new Paragraph(
      fill(t.scssLine, {
        name: model.cover.scssName ?? t.scss,
        office: model.cover.fieldOffice ? `, ${model.cover.fieldOffice}` : '',
      }),
    ),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun(t.dateLine)] }),
    new Paragraph(t.supervisor),
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
  const w = wordsOf(model.language);
  const { t } = w;
  const headerChildren = [markingParagraph(model.marking)];
  if (model.draft) {
    headerChildren.push(
      new Paragraph({ children: [new TextWatermark({ text: t.draft.mark, color: 'C00000', opacity: 0.25 })] }),
    );
  }
  const doc = new Document({
    creator: 'CTPAT Validator',
    title: xmlSafe(`${model.title}: ${model.cover.memberName}`),
    description: `${t.audience[model.audience]} (${xmlSafe(model.marking)})${model.draft ? `, ${t.draft.mark}` : ''}`,
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
                children: [
                  new TextRun({
                    // An empty part would add an empty run: only the words the language has.
                    children: [
                      t.page.before,
                      PageNumber.CURRENT,
                      t.page.middle,
                      PageNumber.TOTAL_PAGES,
                      t.page.after,
                    ].filter((part) => part !== ''),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...cover(model, w),
          ...memberSections(model, photos, w),
          ...(isInternal(model) ? internalSections(model, w) : []),
          ...signatureBlock(model, w),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
