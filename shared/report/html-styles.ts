/**
 * The report's stylesheet: a Letter page when printed, the same page centred on screen for the preview.
 * Only fonts installed with the app's system packages are named (Liberation, DejaVu, Noto Color Emoji), so
 * accents, Arabic, Hebrew and emoji render in the preview and embed in the PDF.
 */
export const REPORT_FONT_STACK =
  "'Liberation Sans', 'DejaVu Sans', Arial, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif, 'Noto Color Emoji'";

export const REPORT_CSS = `
@page { size: Letter; }
* { box-sizing: border-box; }
html { font-family: ${REPORT_FONT_STACK}; font-size: 10.5pt; line-height: 1.4; color: #1b1b1b; }
body { margin: 0; background: #f0f0f0; }
main { background: #fff; max-width: 8.5in; margin: 0 auto; padding: 0.6in 0.75in; }
h1 { font-size: 20pt; margin: 0 0 0.2em; }
h2 { font-size: 14pt; margin: 1.4em 0 0.5em; padding-bottom: 0.15em; border-bottom: 2px solid #1a4480; color: #1a4480; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1em 0 0.4em; break-after: avoid; }
p { margin: 0.3em 0 0.6em; }
a { color: #1a4480; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 1em; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
th, td { border: 1px solid #a9aeb1; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
th[scope='row'] { font-weight: normal; background: #f6f6f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; text-align: start; }
/* Each typed line takes its own direction, so an Arabic line under a Spanish one reads right to left. */
td, dd, figcaption { overflow-wrap: anywhere; }
.hash { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 8pt; word-break: break-all; }
.marking-banner { text-align: center; font-weight: bold; letter-spacing: 0.05em; padding: 0.2em; background: #fff; border: 1px solid #1b1b1b; max-width: 8.5in; margin: 0 auto; }
.draft-note { border-left: 6px solid #b50909; background: #f4e3db; padding: 0.5em 0.8em; margin: 0.8em 0; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 120pt; font-weight: bold; color: rgba(181, 9, 9, 0.13); transform: rotate(-35deg); pointer-events: none; z-index: 10; }
.watermark--long { font-size: 80pt; }
.cover-facts { width: 100%; }
.cover-facts th { width: 32%; }
.subtitle { font-size: 12pt; color: #565c65; margin: 0 0 1em; }
nav.toc ol { padding-left: 1.6em; margin: 0.3em 0; columns: 2; column-gap: 2em; }
nav.toc li { margin: 0.1em 0; }
.finding { border: 1px solid #a9aeb1; border-left: 6px solid #1a4480; padding: 0.4em 0.8em 0.6em; margin: 0 0 1em; }
.finding.action-required { border-left-color: #b50909; }
.finding h3 { margin-top: 0.3em; }
dl.facts { display: grid; grid-template-columns: 11em 1fr; gap: 0.15em 0.8em; margin: 0.3em 0 0.6em; }
html[lang='es'] dl.facts { grid-template-columns: 13.5em 1fr; } /* Spanish labels run longer */
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.requirements { margin: 0.2em 0 0.6em; padding-left: 1.4em; }
.field-label { font-weight: bold; margin: 0.6em 0 0.1em; break-after: avoid; }
ul.plain { list-style: none; margin: 0; padding: 0; }
table.manifest { table-layout: fixed; }
col.w8 { width: 8%; } col.w11 { width: 11%; } col.w13 { width: 13%; } col.w18 { width: 18%; } col.w26 { width: 26%; }
html[lang='es'] col.w8 { width: 10%; } html[lang='es'] col.w26 { width: 24%; } /* "Tamaño" needs the room */
tbody.totals th, tbody.totals td { font-weight: bold; border-top: 2px solid #1b1b1b; }
table.manifest .hash { font-size: 7pt; }
.photos { display: flex; flex-wrap: wrap; gap: 0.2in; margin: 0.4em 0; }
figure { margin: 0; break-inside: avoid; width: calc(50% - 0.1in); }
figure img { display: block; width: 100%; height: auto; max-height: 3.6in; object-fit: contain; border: 1px solid #a9aeb1; }
figcaption { font-size: 9pt; color: #3d4551; margin-top: 0.2em; }
.photo-missing { border: 1px dashed #565c65; padding: 1.2em 0.6em; text-align: center; color: #3d4551; background: #f6f6f6; }
.muted { color: #565c65; }
.notes-list dt { font-weight: bold; margin-top: 0.6em; }
.notes-list dd { margin: 0.1em 0 0.4em 1em; }
.signature { border: 1px solid #1b1b1b; padding: 0.6em 0.9em; break-inside: avoid; }
@media print {
  body { background: #fff; }
  main { max-width: none; margin: 0; padding: 0; }
  /* Chromium's header and footer templates carry the marking on every printed page. */
  .marking-banner { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
