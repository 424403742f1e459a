import { formatFileSize } from '../domain/evidence-files';
import {
  type EmbeddedPhoto,
  isEmbeddableDataUri,
  missingPhotoText,
  NO_PHOTOS,
  type PhotoLookup,
} from './embedded-photo';
import { formatReportDate, formatReportDateTime } from './format';
import { type Html, html, raw } from './html-escape';
import { REPORT_CSS } from './html-styles';
import {
  type InternalReport,
  isInternal,
  REPORT_AUDIENCE_LABELS,
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
   * The in-app preview links the stylesheet (the app serves it) instead of inlining it: its frame inherits the
   * app's policy, which allows no inline style. The sandboxed frame runs no script either way.
   */
  stylesheetHref?: string;
};

type Section = { id: string; title: string; body: Html };

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** User-written text: kept as typed (line breaks), its direction taken from its first strong character. */
const prose = (text: string, empty = 'None recorded.'): Html =>
  text.trim() ? html`<p class="prose" dir="auto">${text}</p>` : html`<p class="muted">${empty}</p>`;

const factRow = (label: string, value: Html | string) =>
  html`<tr><th scope="row">${label}</th><td dir="auto">${value}</td></tr>`;

function cover(model: ReportModel): Html {
  const c = model.cover;
  const sites = c.sitesVisited.length
    ? html`<ul class="plain">${c.sitesVisited.map(
        (s) =>
          html`<li><span dir="auto">${s.name}</span> (${s.siteType})${s.address ? html`, <span dir="auto">${s.address}</span>` : ''}${
            s.visitDate ? html`, visited ${formatReportDate(s.visitDate)}` : ''
          }</li>`,
      )}</ul>`
    : 'No sites recorded';
  const rows = [
    factRow('Member', c.memberName),
    factRow('CTPAT account number', c.accountNumber),
    c.memberLocation ? factRow('Location', c.memberLocation) : null,
    factRow('Entity type', c.entityType),
    factRow('Validation', c.mode),
    factRow('Validation date', formatReportDate(c.validationDate)),
    c.sessionDates.length ? factRow('Virtual sessions', c.sessionDates.map(formatReportDate).join('; ')) : null,
    factRow('Sites visited', sites),
    factRow('Supply Chain Security Specialist', c.scssName ?? '—'),
    factRow('Field office', c.fieldOffice ?? '—'),
    factRow('Minimum Security Criteria', `${c.edition.title ?? 'Edition'} (${c.edition.id})`),
    factRow('Status', c.status),
    c.submittedAt ? factRow('Submitted', formatReportDateTime(c.submittedAt)) : null,
    factRow('Report date', c.reportDate ? formatReportDate(c.reportDate) : 'Not yet approved'),
    c.responseDueDate ? factRow('Member response due', formatReportDate(c.responseDueDate)) : null,
    c.fingerprint
      ? factRow('Validation fingerprint (SHA-256)', html`<span class="hash">${c.fingerprint}</span>`)
      : null,
    c.reportFingerprint
      ? factRow('Report fingerprint (SHA-256)', html`<span class="hash">${c.reportFingerprint}</span>`)
      : null,
  ];
  return html`<header>
<h1>${model.title}</h1>
<p class="subtitle">${REPORT_AUDIENCE_LABELS[model.audience]} · ${c.memberName} · generated ${formatReportDateTime(model.generatedAt)}</p>
${
  model.draft
    ? html`<p class="draft-note" role="note"><strong>DRAFT.</strong> This validation has not been submitted; its content may still change and this report is not final.</p>`
    : ''
}
<table class="cover-facts"><caption>Validation at a glance</caption><tbody>${rows}</tbody></table>
</header>`;
}

function summary(model: ReportModel): Html {
  const t = model.summary.totals;
  return html`<table>
<caption>Criteria by category</caption>
<thead><tr><th scope="col">Category</th><th scope="col" class="num">Criteria</th><th scope="col" class="num">Assessed</th><th scope="col" class="num">Compliant</th><th scope="col" class="num">Deficient</th><th scope="col" class="num">Not applicable</th><th scope="col" class="num">Not assessed</th></tr></thead>
<tbody>${model.summary.categories.map(
    (c) =>
      html`<tr><th scope="row">${c.category}. ${c.name}</th><td class="num">${c.criteria}</td><td class="num">${c.assessed}</td><td class="num">${c.compliant}</td><td class="num">${c.deficient}</td><td class="num">${c.notApplicable}</td><td class="num">${c.notAssessed}</td></tr>`,
  )}</tbody>
<tbody class="totals"><tr><th scope="row">All categories</th><td class="num">${t.criteria}</td><td class="num">${t.assessed}</td><td class="num">${t.compliant}</td><td class="num">${t.deficient}</td><td class="num">${t.notApplicable}</td><td class="num">${t.notAssessed}</td></tr></tbody>
</table>
<p>${model.actionRequired.length} Action Required finding${model.actionRequired.length === 1 ? '' : 's'}, ${
    model.recommendations.length
  } recommendation${model.recommendations.length === 1 ? '' : 's'} and ${model.bestPractices.length} best practice${
    model.bestPractices.length === 1 ? '' : 's'
  } observed.</p>`;
}

function photoFigure(photo: ReportPhoto, embedded: EmbeddedPhoto | undefined): Html {
  const caption = photo.caption.trim()
    ? html`<span dir="auto">${photo.caption}</span> — ${photo.fileName}`
    : photo.fileName;
  if (!embedded || !isEmbeddableDataUri(embedded.dataUri)) {
    return html`<figure><div class="photo-missing" role="img" aria-label="${missingPhotoText(photo.fileName)}">${missingPhotoText(photo.fileName)}</div><figcaption>${caption}</figcaption></figure>`;
  }
  const alt = photo.caption.trim() || `Photo ${photo.fileName}`;
  return html`<figure><img src="${embedded.dataUri}" width="${embedded.width}" height="${embedded.height}" alt="${alt}"><figcaption>${caption}</figcaption></figure>`;
}

function finding(model: ReportModel, f: ReportFinding, photos: PhotoLookup): Html {
  const internal = isInternal(model) ? internalFindingParts(model, f) : '';
  return html`<article class="finding ${f.classification === 'ACTION_REQUIRED' ? 'action-required' : 'recommendation'}" aria-labelledby="finding-${f.id}">
<h3 id="finding-${f.id}">${f.criterionId} · <span dir="auto">${f.criterionSummary ?? 'Criterion not in the installed catalog'}</span></h3>
<dl class="facts">
<dt>Classification</dt><dd>${f.classificationLabel}</dd>
<dt>Category</dt><dd>${f.category}. ${f.categoryName}</dd>
${f.criterionLevel ? html`<dt>Requirement level</dt><dd>${f.criterionLevel}</dd>` : ''}
${reasonShown(f) ? html`<dt>Deficiency reason</dt><dd>${f.reason ?? 'Not given'}</dd>` : ''}
<dt>Response due</dt><dd>${responseDueText(f, formatReportDate)}</dd>
</dl>
${
  f.requirements.length
    ? html`<p class="field-label">Criterion ${f.criterionId} requires</p><ul class="requirements">${f.requirements.map(
        (r) => html`<li>(${r.key}) <em>${r.level}:</em> ${r.text}</li>`,
      )}</ul>`
    : ''
}
<p class="field-label">What was found</p>
${prose(f.description, 'No description recorded.')}
${internal}
${
  f.photos.length
    ? html`<p class="field-label">Photos</p><div class="photos">${f.photos.map((p) => photoFigure(p, photos.get(p.sha256)))}</div>`
    : ''
}
</article>`;
}

function internalFindingParts(model: InternalReport, f: ReportFinding): Html {
  const detail = model.internal.criterionDetails.find((d) => d.criterionId === f.criterionId);
  const review = model.internal.reviews.find((r) => r.findingId === f.id);
  return html`<dl class="facts">
<dt>How verified</dt><dd>${detail?.verificationMethods.join(', ') || 'Not recorded'}</dd>
<dt>Site</dt><dd dir="auto">${detail?.siteName ?? '—'}</dd>
<dt>Review decision</dt><dd>${
    review?.decision
      ? html`${review.decision}${review.proposedClassification ? html` (proposes ${review.proposedClassification})` : ''} by ${review.reviewedBy}, ${formatReportDateTime(review.reviewedAt)}`
      : 'No decision yet'
  }</dd>
</dl>
${review?.comment ? html`<p class="field-label">Reviewer comment</p>${prose(review.comment)}` : ''}
<p class="field-label">SCSS notes on ${f.criterionId}</p>
${prose(detail?.notes ?? '')}`;
}

function findingList(model: ReportModel, list: ReportFinding[], photos: PhotoLookup, none: string): Html {
  return list.length ? html`${list.map((f) => finding(model, f, photos))}` : html`<p>${none}</p>`;
}

function bestPractices(model: ReportModel): Html {
  if (!model.bestPractices.length) return html`<p>No best practices were recorded.</p>`;
  return html`<ul>${model.bestPractices.map(
    (b) =>
      html`<li><strong>${b.category}. ${b.categoryName}:</strong> <span class="prose" dir="auto">${b.text}</span></li>`,
  )}</ul>`;
}

function responseRequest(model: ReportModel): Html {
  const r = model.responseRequest;
  if (!r.items.length) {
    return html`<p>There are no Action Required findings: no written response is required.${
      r.recommendationCount ? ' A response to the recommendations is welcome but not required.' : ''
    }</p>`;
  }
  return html`<p>For each Action Required finding below, send CBP a written response describing the corrective action taken or planned, with evidence that it is in place (for example the revised procedure, logs, training records or photos)${
    r.dueDate ? html`, by <strong>${formatReportDate(r.dueDate)}</strong>` : ', by the date shown'
  }. Recommendations are not mandatory; a response to them is welcome.</p>
<table><caption>Responses required</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Subject</th><th scope="col">Response due</th></tr></thead>
<tbody>${r.items.map(
    (i) =>
      html`<tr><th scope="row">${i.criterionId}</th><td dir="auto">${i.criterionSummary ?? '—'}</td><td>${
        i.dueDate ? formatReportDate(i.dueDate) : 'Set when the report is approved'
      }</td></tr>`,
  )}</tbody></table>`;
}

// ─── Internal sections ────────────────────────────────────────────────────────────────────────────────────

function criteriaVerified(model: InternalReport): Html {
  // A finding's notes are shown with the finding; a 20,000-character note is not printed twice.
  const withFinding = new Set(model.internal.reviews.map((r) => r.criterionId));
  const withText = model.internal.criterionDetails.filter(
    (d) => !withFinding.has(d.criterionId) && (d.notes.trim() || d.naJustification.trim()),
  );
  return html`<table>
<caption>Every criterion on the worksheet</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Result</th><th scope="col">How verified</th><th scope="col">Site</th><th scope="col" class="num">Evidence</th></tr></thead>
<tbody>${model.internal.criterionDetails.map(
    (d) =>
      html`<tr><th scope="row">${d.criterionId}</th><td>${d.resultLabel}</td><td>${d.verificationMethods.join(', ') || '—'}</td><td dir="auto">${
        d.siteName ?? '—'
      }</td><td class="num">${d.evidenceCount}</td></tr>`,
  )}</tbody></table>
<h3 id="notes">Notes and Not applicable justifications</h3>
<p class="muted">Notes on criteria with a finding are shown with the finding above.</p>
${
  withText.length
    ? html`<dl class="notes-list">${withText.map(
        (d) =>
          html`<dt>${d.criterionId}${d.summary ? html` · <span dir="auto">${d.summary}</span>` : ''}</dt>${
            d.naJustification.trim()
              ? html`<dd><em>Not applicable because:</em> <span class="prose" dir="auto">${d.naJustification}</span></dd>`
              : ''
          }${d.notes.trim() ? html`<dd class="prose" dir="auto">${d.notes}</dd>` : ''}`,
      )}</dl>`
    : html`<p>No notes were recorded.</p>`
}`;
}

function reviews(model: InternalReport): Html {
  const list = model.internal.reviews;
  if (!list.length) return html`<p>There are no findings to review.</p>`;
  return html`<table><caption>Decisions on each finding</caption>
<thead><tr><th scope="col">Finding</th><th scope="col">Decision</th><th scope="col">Reviewer</th><th scope="col">Comment</th></tr></thead>
<tbody>${list.map(
    (r) =>
      html`<tr><th scope="row">${r.criterionId} (${r.classificationLabel})</th><td>${r.decision ?? 'No decision yet'}${
        r.proposedClassification ? html`; proposes ${r.proposedClassification}` : ''
      }</td><td>${r.reviewedBy ? html`${r.reviewedBy}, ${formatReportDateTime(r.reviewedAt)}` : '—'}</td><td class="prose" dir="auto">${r.comment || '—'}</td></tr>`,
  )}</tbody></table>`;
}

function sessions(model: InternalReport): Html {
  const list = model.internal.virtualSessions;
  if (!list.length) return html`<p>No virtual sessions were recorded.</p>`;
  return html`${list.map(
    (
      s,
      i,
    ) => html`<h3 id="session-${i + 1}">Session ${i + 1}: <span dir="auto">${s.platform}</span>, ${formatReportDateTime(s.startedAt)} to ${formatReportDateTime(s.endedAt)}</h3>
<table><caption>Participants</caption><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Organization</th></tr></thead>
<tbody>${s.participants.map((p) => html`<tr><th scope="row" dir="auto">${p.name}</th><td>${p.role}</td><td dir="auto">${p.organization || '—'}</td></tr>`)}</tbody></table>
${
  s.documents.length
    ? html`<table><caption>Documents requested</caption><thead><tr><th scope="col">Document</th><th scope="col">Requested</th><th scope="col">Received</th></tr></thead>
<tbody>${s.documents.map((d) => html`<tr><th scope="row" dir="auto">${d.title}</th><td>${formatReportDate(d.requestedAt)}</td><td>${formatReportDate(d.receivedAt)}</td></tr>`)}</tbody></table>`
    : ''
}
${
  s.segments.length
    ? html`<table><caption>Livestream tour</caption><thead><tr><th scope="col">Time</th><th scope="col">Area</th><th scope="col">Criteria</th><th scope="col">Note</th></tr></thead>
<tbody>${s.segments.map((g) => html`<tr><th scope="row">${formatReportDateTime(g.at)}</th><td dir="auto">${g.area}</td><td>${g.criterionIds.join(', ')}</td><td class="prose" dir="auto">${g.note || '—'}</td></tr>`)}</tbody></table>`
    : ''
}`,
  )}`;
}

function checklists(model: InternalReport): Html {
  const list = model.internal.checklists;
  if (!list.length) return html`<p>No inspection checklists were recorded.</p>`;
  return html`${list.map(
    (
      c,
      i,
    ) => html`<h3 id="checklist-${i + 1}">${c.criterionId} · ${c.title}: <span dir="auto">${c.label || 'unlabelled'}</span>${c.refrigerated ? ' (refrigerated)' : ''}</h3>
<table><thead><tr><th scope="col">Item</th><th scope="col">Result</th><th scope="col">Note</th></tr></thead>
<tbody>${c.items.map((item) => html`<tr><th scope="row">${item.group ? `${item.group}: ` : ''}${item.label}</th><td>${item.status}</td><td class="prose" dir="auto">${item.note || '—'}</td></tr>`)}</tbody></table>`,
  )}`;
}

function manifest(model: InternalReport): Html {
  const list = model.internal.evidenceManifest;
  if (!list.length) return html`<p>No evidence was attached.</p>`;
  return html`<table class="manifest"><caption>Every file attached to the validation</caption>
<colgroup><col class="w18"><col class="w26"><col class="w8"><col class="w13"><col class="w13"><col class="w11"><col class="w11"></colgroup>
<thead><tr><th scope="col">File</th><th scope="col">SHA-256</th><th scope="col" class="num">Size</th><th scope="col">Attached by</th><th scope="col">Attached</th><th scope="col">Observed remotely</th><th scope="col">Attached to</th></tr></thead>
<tbody>${list.map(
    (e) =>
      html`<tr><th scope="row" dir="auto">${e.fileName}</th><td class="hash">${e.sha256}</td><td class="num">${formatFileSize(e.sizeBytes)}</td><td>${
        e.attachedBy ?? '—'
      }</td><td>${formatReportDateTime(e.attachedAt)}</td><td>${e.observedRemotely ? 'Yes' : 'No'}</td><td>${e.attachedTo}</td></tr>`,
  )}</tbody></table>`;
}

function history(model: InternalReport): Html {
  const list = model.internal.history;
  if (!list.length) return html`<p>The validation has no workflow history yet.</p>`;
  return html`<table><thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">By</th><th scope="col">Comment</th></tr></thead>
<tbody>${list.map((h) => html`<tr><th scope="row">${formatReportDateTime(h.at)}</th><td>${h.event}</td><td>${h.by}</td><td class="prose" dir="auto">${h.comment || '—'}</td></tr>`)}</tbody></table>`;
}

function signature(model: InternalReport): Html {
  const s = model.internal.signature;
  if (!s.submittedAt) {
    return html`<div class="signature"><p><strong>Not signed.</strong> The validation has not been submitted, so it carries no signature or fingerprint.</p></div>`;
  }
  const check =
    s.fingerprintMatches === null
      ? 'Not checked'
      : s.fingerprintMatches
        ? 'Matches the content in this report'
        : 'DOES NOT MATCH the content in this report: the validation changed after it was signed';
  return html`<div class="signature"><table class="cover-facts"><tbody>
${factRow('Signed by', s.signedByName ?? '—')}
${factRow('Submitted by', s.submittedBy ?? '—')}
${factRow('Submitted', formatReportDateTime(s.submittedAt))}
${factRow('Validation fingerprint (SHA-256)', html`<span class="hash">${s.contentSha256 ?? '—'}</span>`)}
${factRow('Fingerprint check', check)}
</tbody></table></div>`;
}

function sectionsOf(model: ReportModel, photos: PhotoLookup): Section[] {
  const sections: Section[] = [
    { id: 'summary', title: 'Summary by category', body: summary(model) },
    {
      id: 'action-required',
      title: 'Action Required findings',
      body: findingList(model, model.actionRequired, photos, 'There are no Action Required findings.'),
    },
    {
      id: 'recommendations',
      title: 'Recommendations',
      body: findingList(model, model.recommendations, photos, 'There are no recommendations.'),
    },
    { id: 'best-practices', title: 'Best practices observed', body: bestPractices(model) },
    { id: 'member-response', title: 'What the Member must send back, and by when', body: responseRequest(model) },
  ];
  if (!isInternal(model)) return sections;
  return [
    ...sections,
    { id: 'criteria', title: 'Criteria and how each was verified', body: criteriaVerified(model) },
    { id: 'reviews', title: 'Reviewer decisions and comments', body: reviews(model) },
    { id: 'session-log', title: 'Virtual session log', body: sessions(model) },
    { id: 'checklists', title: 'Inspection checklists', body: checklists(model) },
    { id: 'evidence-manifest', title: 'Evidence manifest', body: manifest(model) },
    { id: 'history', title: 'Workflow history', body: history(model) },
    { id: 'signature', title: 'Signature', body: signature(model) },
  ];
}

/** The whole report as an HTML document. Photos come from the caller by SHA-256; a missing one shows a placeholder. */
export function renderReportHtml(model: ReportModel, options: HtmlRenderOptions = {}): string {
  const photos = options.photos ?? NO_PHOTOS;
  const sections = sectionsOf(model, photos);
  const banner = (where: string) =>
    html`<div class="marking-banner marking-${where}" role="note" aria-label="Marking">${model.marking}</div>`;
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${options.stylesheetHref === undefined ? html`<meta http-equiv="Content-Security-Policy" content="${CSP}">` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title}: ${model.cover.memberName} (${model.marking})</title>
${
  options.stylesheetHref === undefined
    ? html`<style>${raw(REPORT_CSS)}</style>`
    : html`<link rel="stylesheet" href="${options.stylesheetHref}">`
}
</head>
<body>
${model.draft ? html`<div class="watermark" aria-hidden="true">DRAFT</div>` : ''}
${banner('top')}
<main>
${cover(model)}
<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${sections.map(
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
  options: { draft?: boolean } = {},
): { headerTemplate: string; footerTemplate: string } {
  const style =
    "font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9pt; font-weight: bold; width: 100%; text-align: center; margin: 0 0.75in;";
  const text = html`${marking}`.html;
  const draft = options.draft ? '<span style="color: #b50909; text-align: left;">DRAFT</span>' : '<span></span>';
  return {
    headerTemplate: `<div style="${style}">${text}</div>`,
    footerTemplate: `<div style="${style} display: grid; grid-template-columns: 1fr auto 1fr;">${draft}<span>${text}</span><span style="font-weight: normal; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
