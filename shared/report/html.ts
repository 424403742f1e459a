import { formatFileSize } from '../domain/evidence-files';
import {
  isEmbeddableDataUri,
  NO_PHOTOS,
  type PhotoLookup,
  SERVED_PHOTO_ORIGIN,
  servedPhotoUrl,
} from './embedded-photo';
import { formatReportDate, formatReportDateTime } from './format';
import { type Html, html, raw } from './html-escape';
import { REPORT_CSS } from './html-styles';
import { fill, plural, REPORT_TEXT, type ReportLanguage, type ReportText } from './i18n';
import {
  type InternalReport,
  isInternal,
  type ReportFinding,
  type ReportModel,
  type ReportPhoto,
  reasonShown,
  responseDueText,
} from './model';

/**
 * The report as one HTML document: the in-app preview and the source Chromium prints to PDF. Semantic
 * headings give the PDF its outline and tags; no script, and a CSP that forbids any, so a preview cannot
 * run what a note contains even if escaping were ever missed.
 */

export type HtmlRenderOptions = {
  photos?: PhotoLookup;
  /**
   * The page asks for each photo at its served URL instead of carrying it inline: the harness's PDF printer
   * answers them (Chromium took 2.3–2.9 s to take twenty photos as 6.5 MB of base64 through setContent).
   */
  photosServed?: boolean;
  /**
   * The in-app preview links the stylesheet (the app serves it) instead of inlining it: its frame inherits the
   * app's policy, which allows no inline style. The sandboxed frame runs no script either way.
   */
  stylesheetHref?: string;
};

type Section = { id: string; title: string; body: Html };

/** The report's language at hand: its fixed text and its date formats. */
type Words = {
  language: ReportLanguage;
  t: ReportText;
  date: (isoDate: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
};

const wordsOf = (language: ReportLanguage): Words => ({
  language,
  t: REPORT_TEXT[language],
  date: (d) => formatReportDate(d, language),
  dateTime: (d) => formatReportDateTime(d, language),
});

const csp = (imageSource: string) => `default-src 'none'; img-src ${imageSource}; style-src 'unsafe-inline'`;

/** A photo as the page shows it: where its bytes come from, and its pixel size for layout. */
type PlacedPhoto = { src: string; width: number; height: number };
type PlacedPhotos = ReadonlyMap<string, PlacedPhoto>;

/** Only JPEG and PNG photos are placed; served ones at their URL, others inline. */
function placePhotos(photos: PhotoLookup, served: boolean): PlacedPhotos {
  const placed = new Map<string, PlacedPhoto>();
  for (const [sha256, { dataUri, width, height }] of photos) {
    if (isEmbeddableDataUri(dataUri))
      placed.set(sha256, { src: served ? servedPhotoUrl(sha256) : dataUri, width, height });
  }
  return placed;
}

/** User-written text: kept as typed (line breaks), its direction taken from its first strong character. */
const prose = (text: string, empty: string): Html =>
  text.trim() ? html`<p class="prose" dir="auto">${text}</p>` : html`<p class="muted">${empty}</p>`;

const factRow = (label: string, value: Html | string) =>
  html`<tr><th scope="row">${label}</th><td dir="auto">${value}</td></tr>`;

function cover(model: ReportModel, w: Words): Html {
  const c = model.cover;
  const { t } = w;
  const sites = c.sitesVisited.length
    ? html`<ul class="plain">${c.sitesVisited.map(
        (s) =>
          html`<li><span dir="auto">${s.name}</span> (${s.siteType})${s.address ? html`, <span dir="auto">${s.address}</span>` : ''}${
            s.visitDate ? fill(t.cover.visited, { date: w.date(s.visitDate) }) : ''
          }</li>`,
      )}</ul>`
    : t.cover.noSites;
  const rows = [
    factRow(t.cover.member, c.memberName),
    factRow(t.cover.accountNumber, c.accountNumber),
    c.memberLocation ? factRow(t.cover.location, c.memberLocation) : null,
    factRow(t.cover.entityType, c.entityType),
    factRow(t.cover.mode, c.mode),
    factRow(t.cover.validationDate, w.date(c.validationDate)),
    c.sessionDates.length ? factRow(t.cover.virtualSessions, c.sessionDates.map((d) => w.date(d)).join('; ')) : null,
    factRow(t.cover.sitesVisited, sites),
    factRow(t.cover.scss, c.scssName ?? t.none),
    factRow(t.cover.fieldOffice, c.fieldOffice ?? t.none),
    factRow(t.cover.msc, fill(t.cover.editionOf, { title: c.edition.title ?? t.cover.edition, id: c.edition.id })),
    factRow(t.cover.status, c.status),
    c.submittedAt ? factRow(t.cover.submitted, w.dateTime(c.submittedAt)) : null,
    factRow(t.cover.reportDate, c.reportDate ? w.date(c.reportDate) : t.cover.notYetApproved),
    c.responseDueDate ? factRow(t.cover.responseDue, w.date(c.responseDueDate)) : null,
    c.fingerprint ? factRow(t.cover.validationFingerprint, html`<span class="hash">${c.fingerprint}</span>`) : null,
    c.reportFingerprint
      ? factRow(t.cover.reportFingerprint, html`<span class="hash">${c.reportFingerprint}</span>`)
      : null,
  ];
  return html`<header>
<h1>${model.title}</h1>
<p class="subtitle">${fill(t.subtitle, { audience: t.audience[model.audience], member: c.memberName, at: w.dateTime(model.generatedAt) })}</p>
${model.draft ? html`<p class="draft-note" role="note"><strong>${t.draft.lead}</strong> ${t.draft.note}</p>` : ''}
<table class="cover-facts"><caption>${t.cover.caption}</caption><tbody>${rows}</tbody></table>${
    model.unofficialCatalogText
      ? html`
<p class="muted" role="note">${t.cover.unofficialCatalogText}</p>`
      : ''
  }
</header>`;
}

function summary(model: ReportModel, w: Words): Html {
  const t = model.summary.totals;
  const s = w.t.summary;
  return html`<table>
<caption>${s.caption}</caption>
<thead><tr><th scope="col">${s.category}</th><th scope="col" class="num">${s.criteria}</th><th scope="col" class="num">${s.assessed}</th><th scope="col" class="num">${s.compliant}</th><th scope="col" class="num">${s.deficient}</th><th scope="col" class="num">${s.notApplicable}</th><th scope="col" class="num">${s.notAssessed}</th></tr></thead>
<tbody>${model.summary.categories.map(
    (c) =>
      html`<tr><th scope="row">${c.category}. ${c.name}</th><td class="num">${c.criteria}</td><td class="num">${c.assessed}</td><td class="num">${c.compliant}</td><td class="num">${c.deficient}</td><td class="num">${c.notApplicable}</td><td class="num">${c.notAssessed}</td></tr>`,
  )}</tbody>
<tbody class="totals"><tr><th scope="row">${s.allCategories}</th><td class="num">${t.criteria}</td><td class="num">${t.assessed}</td><td class="num">${t.compliant}</td><td class="num">${t.deficient}</td><td class="num">${t.notApplicable}</td><td class="num">${t.notAssessed}</td></tr></tbody>
</table>
<p>${fill(s.sentence, {
    actionRequired: plural(w.language, s.actionRequiredCount, model.actionRequired.length),
    recommendations: plural(w.language, s.recommendationCount, model.recommendations.length),
    bestPractices: plural(w.language, s.bestPracticeCount, model.bestPractices.length),
  })}</p>`;
}

function photoFigure(photo: ReportPhoto, embedded: PlacedPhoto | undefined, w: Words): Html {
  const caption = photo.caption.trim()
    ? html`<span dir="auto">${photo.caption}</span> — ${photo.fileName}`
    : photo.fileName;
  if (!embedded) {
    const missing = fill(w.t.finding.photoMissing, { fileName: photo.fileName });
    return html`<figure><div class="photo-missing" role="img" aria-label="${missing}">${missing}</div><figcaption>${caption}</figcaption></figure>`;
  }
  const alt = photo.caption.trim() || fill(w.t.finding.photoAlt, { fileName: photo.fileName });
  return html`<figure><img src="${embedded.src}" width="${embedded.width}" height="${embedded.height}" alt="${alt}"><figcaption>${caption}</figcaption></figure>`;
}

function finding(model: ReportModel, f: ReportFinding, photos: PlacedPhotos, w: Words): Html {
  const t = w.t.finding;
  const internal = isInternal(model) ? internalFindingParts(model, f, w) : '';
  return html`<article class="finding ${f.classification === 'ACTION_REQUIRED' ? 'action-required' : 'recommendation'}" aria-labelledby="finding-${f.id}">
<h3 id="finding-${f.id}">${f.criterionId} · <span dir="auto">${f.criterionSummary ?? t.criterionNotInCatalog}</span></h3>
<dl class="facts">
<dt>${t.classification}</dt><dd>${f.classificationLabel}</dd>
<dt>${t.category}</dt><dd>${f.category}. ${f.categoryName}</dd>
${f.criterionLevel ? html`<dt>${t.requirementLevel}</dt><dd>${f.criterionLevel}</dd>` : ''}
${reasonShown(f) ? html`<dt>${t.deficiencyReason}</dt><dd>${f.reason ?? t.notGiven}</dd>` : ''}
<dt>${t.responseDue}</dt><dd>${responseDueText(f, w.date, w.t)}</dd>
</dl>
${
  f.requirements.length
    ? html`<p class="field-label">${fill(t.requires, { criterion: f.criterionId })}</p><ul class="requirements">${f.requirements.map(
        (r) => html`<li>(${r.key}) <em>${r.level}:</em> ${r.text}</li>`,
      )}</ul>`
    : ''
}
<p class="field-label">${t.whatWasFound}</p>
${prose(f.description, t.noDescription)}
${internal}
${
  f.photos.length
    ? html`<p class="field-label">${t.photos}</p><div class="photos">${f.photos.map((p) => photoFigure(p, photos.get(p.sha256), w))}</div>`
    : ''
}
</article>`;
}

function internalFindingParts(model: InternalReport, f: ReportFinding, w: Words): Html {
  const t = w.t.finding;
  const detail = model.internal.criterionDetails.find((d) => d.criterionId === f.criterionId);
  const review = model.internal.reviews.find((r) => r.findingId === f.id);
  return html`<dl class="facts">
<dt>${t.howVerified}</dt><dd>${detail?.verificationMethods.join(', ') || t.notRecorded}</dd>
<dt>${t.site}</dt><dd dir="auto">${detail?.siteName ?? w.t.none}</dd>
<dt>${t.reviewDecision}</dt><dd>${
    review?.decision
      ? fill(t.decidedBy, {
          decision: review.decision,
          proposal: review.proposedClassification
            ? fill(t.proposes, { classification: review.proposedClassification })
            : '',
          reviewer: review.reviewedBy ?? '',
          at: w.dateTime(review.reviewedAt),
        })
      : t.noDecision
  }</dd>
</dl>
${review?.comment ? html`<p class="field-label">${t.reviewerComment}</p>${prose(review.comment, t.noneRecorded)}` : ''}
<p class="field-label">${fill(t.scssNotes, { criterion: f.criterionId })}</p>
${prose(detail?.notes ?? '', t.noneRecorded)}`;
}

function findingList(model: ReportModel, list: ReportFinding[], photos: PlacedPhotos, none: string, w: Words): Html {
  return list.length ? html`${list.map((f) => finding(model, f, photos, w))}` : html`<p>${none}</p>`;
}

function bestPractices(model: ReportModel, w: Words): Html {
  if (!model.bestPractices.length) return html`<p>${w.t.bestPractices.none}</p>`;
  return html`<ul>${model.bestPractices.map(
    (b) =>
      html`<li><strong>${b.category}. ${b.categoryName}:</strong> <span class="prose" dir="auto">${b.text}</span></li>`,
  )}</ul>`;
}

function responseRequest(model: ReportModel, w: Words): Html {
  const r = model.responseRequest;
  const t = w.t.responseRequest;
  if (!r.items.length) {
    return html`<p>${t.noneRequired}${r.recommendationCount ? t.recommendationsWelcome : ''}</p>`;
  }
  // The due date is set in bold inside the translated sentence: split the template around its placeholders.
  const [before = '', after = ''] = t.request.split('{due}');
  const [byBefore = '', byAfter = ''] = t.byDate.split('{date}');
  return html`<p>${before}${r.dueDate ? html`${byBefore}<strong>${w.date(r.dueDate)}</strong>${byAfter}` : t.byDateShown}${after}</p>
<table><caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.criterion}</th><th scope="col">${t.subject}</th><th scope="col">${t.responseDue}</th></tr></thead>
<tbody>${r.items.map(
    (i) =>
      html`<tr><th scope="row">${i.criterionId}</th><td dir="auto">${i.criterionSummary ?? w.t.none}</td><td>${
        i.dueDate ? w.date(i.dueDate) : w.t.finding.setAtApproval
      }</td></tr>`,
  )}</tbody></table>`;
}

// ─── Internal sections ────────────────────────────────────────────────────────────────────────────────────

function criteriaVerified(model: InternalReport, w: Words): Html {
  const t = w.t.criteria;
  // A finding's notes are shown with the finding; a 20,000-character note is not printed twice.
  const withFinding = new Set(model.internal.reviews.map((r) => r.criterionId));
  const withText = model.internal.criterionDetails.filter(
    (d) => !withFinding.has(d.criterionId) && (d.notes.trim() || d.naJustification.trim()),
  );
  return html`<table>
<caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.criterion}</th><th scope="col">${t.result}</th><th scope="col">${t.howVerified}</th><th scope="col">${t.site}</th><th scope="col" class="num">${t.evidence}</th></tr></thead>
<tbody>${model.internal.criterionDetails.map(
    (d) =>
      html`<tr><th scope="row">${d.criterionId}</th><td>${d.resultLabel}</td><td>${d.verificationMethods.join(', ') || w.t.none}</td><td dir="auto">${
        d.siteName ?? w.t.none
      }</td><td class="num">${d.evidenceCount}</td></tr>`,
  )}</tbody></table>
<h3 id="notes">${t.notesHeading}</h3>
<p class="muted">${t.notesWithFindings}</p>
${
  withText.length
    ? html`<dl class="notes-list">${withText.map(
        (d) =>
          html`<dt>${d.criterionId}${d.summary ? html` · <span dir="auto">${d.summary}</span>` : ''}</dt>${
            d.naJustification.trim()
              ? html`<dd><em>${t.notApplicableBecause}</em> <span class="prose" dir="auto">${d.naJustification}</span></dd>`
              : ''
          }${d.notes.trim() ? html`<dd class="prose" dir="auto">${d.notes}</dd>` : ''}`,
      )}</dl>`
    : html`<p>${t.noNotes}</p>`
}`;
}

function reviews(model: InternalReport, w: Words): Html {
  const list = model.internal.reviews;
  const t = w.t.reviews;
  if (!list.length) return html`<p>${t.none}</p>`;
  return html`<table><caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.finding}</th><th scope="col">${t.decision}</th><th scope="col">${t.reviewer}</th><th scope="col">${t.comment}</th></tr></thead>
<tbody>${list.map(
    (r) =>
      html`<tr><th scope="row">${r.criterionId} (${r.classificationLabel})</th><td>${r.decision ?? w.t.finding.noDecision}${
        r.proposedClassification ? fill(t.proposes, { classification: r.proposedClassification }) : ''
      }</td><td>${r.reviewedBy ? html`${r.reviewedBy}, ${w.dateTime(r.reviewedAt)}` : w.t.none}</td><td class="prose" dir="auto">${r.comment || w.t.none}</td></tr>`,
  )}</tbody></table>`;
}

function sessions(model: InternalReport, w: Words): Html {
  const list = model.internal.virtualSessions;
  const t = w.t.sessions;
  if (!list.length) return html`<p>${t.none}</p>`;
  // The platform is typed by the SCSS: it keeps its own direction inside the translated heading.
  const [beforePlatform = '', afterPlatform = ''] = t.heading.split('{platform}');
  return html`${list.map(
    (
      s,
      i,
    ) => html`<h3 id="session-${i + 1}">${fill(beforePlatform, { number: i + 1 })}<span dir="auto">${s.platform}</span>${fill(afterPlatform, { from: w.dateTime(s.startedAt), to: w.dateTime(s.endedAt) })}</h3>
<table><caption>${t.participants}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.role}</th><th scope="col">${t.organization}</th></tr></thead>
<tbody>${s.participants.map((p) => html`<tr><th scope="row" dir="auto">${p.name}</th><td>${p.role}</td><td dir="auto">${p.organization || w.t.none}</td></tr>`)}</tbody></table>
${
  s.documents.length
    ? html`<table><caption>${t.documentsRequested}</caption><thead><tr><th scope="col">${t.document}</th><th scope="col">${t.requested}</th><th scope="col">${t.received}</th></tr></thead>
<tbody>${s.documents.map((d) => html`<tr><th scope="row" dir="auto">${d.title}</th><td>${w.date(d.requestedAt)}</td><td>${w.date(d.receivedAt)}</td></tr>`)}</tbody></table>`
    : ''
}
${
  s.segments.length
    ? html`<table><caption>${t.livestreamTour}</caption><thead><tr><th scope="col">${t.time}</th><th scope="col">${t.area}</th><th scope="col">${t.criteria}</th><th scope="col">${t.note}</th></tr></thead>
<tbody>${s.segments.map((g) => html`<tr><th scope="row">${w.dateTime(g.at)}</th><td dir="auto">${g.area}</td><td>${g.criterionIds.join(', ')}</td><td class="prose" dir="auto">${g.note || w.t.none}</td></tr>`)}</tbody></table>`
    : ''
}`,
  )}`;
}

function checklists(model: InternalReport, w: Words): Html {
  const list = model.internal.checklists;
  const t = w.t.checklists;
  if (!list.length) return html`<p>${t.none}</p>`;
  return html`${list.map(
    (
      c,
      i,
    ) => html`<h3 id="checklist-${i + 1}">${c.criterionId} · ${c.title}: <span dir="auto">${c.label || t.unlabelled}</span>${c.refrigerated ? t.refrigerated : ''}</h3>
<table><thead><tr><th scope="col">${t.item}</th><th scope="col">${t.result}</th><th scope="col">${t.note}</th></tr></thead>
<tbody>${c.items.map((item) => html`<tr><th scope="row">${item.group ? `${item.group}: ` : ''}${item.label}</th><td>${item.status}</td><td class="prose" dir="auto">${item.note || w.t.none}</td></tr>`)}</tbody></table>`,
  )}`;
}

function manifest(model: InternalReport, w: Words): Html {
  const list = model.internal.evidenceManifest;
  const t = w.t.manifest;
  if (!list.length) return html`<p>${t.none}</p>`;
  return html`<table class="manifest"><caption>${t.caption}</caption>
<colgroup><col class="w18"><col class="w26"><col class="w8"><col class="w13"><col class="w13"><col class="w11"><col class="w11"></colgroup>
<thead><tr><th scope="col">${t.file}</th><th scope="col">${t.sha256}</th><th scope="col" class="num">${t.size}</th><th scope="col">${t.attachedBy}</th><th scope="col">${t.attached}</th><th scope="col">${t.observedRemotely}</th><th scope="col">${t.attachedTo}</th></tr></thead>
<tbody>${list.map(
    (e) =>
      html`<tr><th scope="row" dir="auto">${e.fileName}</th><td class="hash">${e.sha256}</td><td class="num">${formatFileSize(e.sizeBytes)}</td><td>${
        e.attachedBy ?? w.t.none
      }</td><td>${w.dateTime(e.attachedAt)}</td><td>${e.observedRemotely ? w.t.yes : w.t.no}</td><td>${e.attachedTo}</td></tr>`,
  )}</tbody></table>`;
}

function history(model: InternalReport, w: Words): Html {
  const list = model.internal.history;
  const t = w.t.history;
  if (!list.length) return html`<p>${t.none}</p>`;
  return html`<table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.event}</th><th scope="col">${t.by}</th><th scope="col">${t.comment}</th></tr></thead>
<tbody>${list.map((h) => html`<tr><th scope="row">${w.dateTime(h.at)}</th><td>${h.event}</td><td>${h.by}</td><td class="prose" dir="auto">${h.comment || w.t.none}</td></tr>`)}</tbody></table>`;
}

function signature(model: InternalReport, w: Words): Html {
  const s = model.internal.signature;
  const t = w.t.signature;
  if (!s.submittedAt) {
    return html`<div class="signature"><p><strong>${t.notSignedLead}</strong> ${t.notSigned}</p></div>`;
  }
  const check = s.fingerprintMatches === null ? t.notChecked : s.fingerprintMatches ? t.matches : t.doesNotMatch;
  return html`<div class="signature"><table class="cover-facts"><tbody>
${factRow(t.signedBy, s.signedByName ?? w.t.none)}
${factRow(t.submittedBy, s.submittedBy ?? w.t.none)}
${factRow(t.submitted, w.dateTime(s.submittedAt))}
${factRow(t.fingerprint, html`<span class="hash">${s.contentSha256 ?? w.t.none}</span>`)}
${factRow(t.check, check)}
</tbody></table></div>`;
}

function sectionsOf(model: ReportModel, photos: PlacedPhotos, w: Words): Section[] {
  const t = w.t.sections;
  const sections: Section[] = [
    { id: 'summary', title: t.summary, body: summary(model, w) },
    {
      id: 'action-required',
      title: t.actionRequired,
      body: findingList(model, model.actionRequired, photos, w.t.finding.noneActionRequired, w),
    },
    {
      id: 'recommendations',
      title: t.recommendations,
      body: findingList(model, model.recommendations, photos, w.t.finding.noneRecommendations, w),
    },
    { id: 'best-practices', title: t.bestPractices, body: bestPractices(model, w) },
    { id: 'member-response', title: t.memberResponse, body: responseRequest(model, w) },
  ];
  if (!isInternal(model)) return sections;
  return [
    ...sections,
    { id: 'criteria', title: t.criteria, body: criteriaVerified(model, w) },
    { id: 'reviews', title: t.reviews, body: reviews(model, w) },
    { id: 'session-log', title: t.sessionLog, body: sessions(model, w) },
    { id: 'checklists', title: t.checklists, body: checklists(model, w) },
    { id: 'evidence-manifest', title: t.evidenceManifest, body: manifest(model, w) },
    { id: 'history', title: t.history, body: history(model, w) },
    { id: 'signature', title: t.signature, body: signature(model, w) },
  ];
}

/** The whole report as an HTML document. Photos come from the caller by SHA-256; a missing one shows a placeholder. */
export function renderReportHtml(model: ReportModel, options: HtmlRenderOptions = {}): string {
  const photos = placePhotos(options.photos ?? NO_PHOTOS, options.photosServed === true);
  const w = wordsOf(model.language);
  const sections = sectionsOf(model, photos, w);
  const banner = (where: string) =>
    html`<div class="marking-banner marking-${where}" role="note" aria-label="${w.t.marking}">${model.marking}</div>`;
  const doc = html`<!doctype html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
${options.stylesheetHref === undefined ? html`<meta http-equiv="Content-Security-Policy" content="${csp(options.photosServed ? SERVED_PHOTO_ORIGIN : 'data:')}">` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title}: ${model.cover.memberName} (${model.marking})</title>
${
  options.stylesheetHref === undefined
    ? html`<style>${raw(REPORT_CSS)}</style>`
    : html`<link rel="stylesheet" href="${options.stylesheetHref}">`
}
</head>
<body>
${
  model.draft
    ? // A longer word than DRAFT (BORRADOR) is set smaller, so the diagonal still fits the page.
      html`<div class="watermark${w.t.draft.mark.length > 5 ? ' watermark--long' : ''}" aria-hidden="true">${w.t.draft.mark}</div>`
    : ''
}
${banner('top')}
<main>
${cover(model, w)}
<nav class="toc" aria-labelledby="contents"><h2 id="contents">${w.t.contents}</h2><ol>${sections.map(
    (s) => html`<li><a href="#${s.id}">${s.title}</a></li>`,
  )}</ol></nav>
${sections.map((s) => html`<section aria-labelledby="${s.id}"><h2 id="${s.id}">${s.title}</h2>${s.body}</section>`)}
</main>
${banner('bottom')}
</body>
</html>`;
  return doc.html;
}

/**
 * Chromium's print header and footer: the marking on every page, "Page x of y", and for a draft the word
 * DRAFT in text (the watermark is a picture to a PDF reader; this is what a screen reader and a search find).
 */
export function printTemplates(
  marking: string,
  options: { draft?: boolean; language?: ReportLanguage } = {},
): { headerTemplate: string; footerTemplate: string } {
  const t = REPORT_TEXT[options.language ?? 'en'];
  const style =
    "font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9pt; font-weight: bold; width: 100%; text-align: center; margin: 0 0.75in;";
  const text = html`${marking}`.html;
  const draft = options.draft
    ? html`<span style="color: #b50909; text-align: left;">${t.draft.mark}</span>`.html
    : '<span></span>';
  const page = html`${t.page.before}${raw('<span class="pageNumber"></span>')}${t.page.middle}${raw('<span class="totalPages"></span>')}${t.page.after}`;
  return {
    headerTemplate: `<div style="${style}">${text}</div>`,
    footerTemplate: `<div style="${style} display: grid; grid-template-columns: 1fr auto 1fr;">${draft}<span>${text}</span><span style="font-weight: normal; text-align: right;">${page.html}</span></div>`,
  };
}
