import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DatabaseTooNewError } from '../../db/migrations';
import { startupError, systemLanguages } from '../../electron/services/startup-error';
import { storeFailureOnOpen } from '../../electron/services/store-errors';
import { refusalMessage } from '../../electron/sync/push-outbox';
import { syncMessageOf } from '../../electron/sync/sync-messages';
import { i18n } from '../../renderer/src/i18n';
import { messages as en } from '../../renderer/src/i18n/locales/en/messages';
import { es as esInterface } from '../../renderer/src/i18n/locales/es';
import { messages as es } from '../../renderer/src/i18n/locales/es/messages';
import { translateMessage } from '../../renderer/src/i18n/messages';
import { checkWorksheetCompleteness } from '../../shared/domain/completeness';
import { EVIDENCE_FILE_TYPES } from '../../shared/domain/evidence-files';
import { failedChecklistItemProblems, virtualSessionProblems } from '../../shared/domain/inspection-rules';
import { WORKFLOW_EVENT_LABELS } from '../../shared/domain/lifecycle';
import { IsoDateSchema } from '../../shared/domain/primitives';
import { AppError, type AppErrorShape, fail } from '../../shared/ipc/envelope';
import { catalogText, englishText, type MessageKey, message } from '../../shared/messages';
import { fieldIssue } from '../../shared/messages/field-issues';
import { REPORT_TEXT } from '../../shared/report/i18n';
import { flattenCatalog } from './catalog-keys';

const ROOT = path.resolve(__dirname, '../..');

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const flatten = flattenCatalog;

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** "{{due, date}}" → "due, date": a translation must keep each value and the way it is written. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g)].map((m) => `${m[1]}${m[2] ? `, ${m[2]}` : ''}`).sort();

/** .ts files under the folders that write messages for people outside the renderer. */
function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') files.push(...sources(full));
    else if (entry.name.endsWith('.ts')) files.push(full);
  }
  return files;
}

describe('the messages catalog', () => {
  const english = flatten(en);
  const spanish = flatten(es);
  const bases = new Set([...english.keys()].map((k) => k.replace(PLURAL, '')));

  it('has every key the main process, the shared rules and HQ name, in English and Spanish', () => {
    const named = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of ['electron', 'shared', 'db', 'hq'].flatMap((dir) => sources(path.join(ROOT, dir)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bmessage\(\s*'([\w.]+)'/g)) named.add(m[1] as string);
      // A message written as { key: '…' }: a dotted key in one of the catalog's groups.
      for (const m of text.matchAll(/\bkey: '(\w+\.[\w.]+)'/g)) {
        if (Object.hasOwn(en, (m[1] as string).split('.')[0] as string)) named.add(m[1] as string);
      }
      for (const m of text.matchAll(/\bmessage\(\s*`([\w.]+)\.\$\{/g)) prefixes.add(`${m[1]}.`);
    }
    // The scan must see the rules' and the services' messages, not nothing.
    expect(named.size).toBeGreaterThan(100);
    const missing = [...named].filter((key) => !bases.has(key));
    expect(missing).toEqual([]);
    for (const prefix of prefixes)
      expect(
        [...bases].some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true);
    for (const key of bases) {
      const forms = [...english.keys()].filter((k) => k.replace(PLURAL, '') === key);
      for (const form of forms) {
        const spanishForm = spanish.get(form);
        expect(spanishForm, `es ${form}`).toBeDefined();
        expect(placeholders(spanishForm ?? ''), `es ${form}`).toEqual(placeholders(english.get(form) ?? ''));
      }
    }
  });

  it('writes the English a message carries from the same text the interface shows', () => {
    const refusal = message('dueDate.beforeReport', { due: '2027-02-01', earliest: '2027-03-01' });
    expect(refusal.message).toBe(
      'The response due date, Feb 1, 2027, is before the report date: the Member cannot be asked to answer before the report is issued, and it will be dated Mar 1, 2027 at the earliest. Choose Mar 1, 2027 or a later date.',
    );
    expect(translateMessage(refusal)).toBe(refusal.message);
    expect(catalogText(en, 'completeness.unanswered')).toBe('{{id}} has no result.');
    expect(englishText({ key: 'completeness.unanswered' as MessageKey, params: { id: '4.1' } })).toBe(
      '4.1 has no result.',
    );
  });
});

describe('words the messages share with the rest of the app', () => {
  it('name file types and workflow steps as the shared maps do', () => {
    for (const type of Object.values(EVIDENCE_FILE_TYPES)) expect(en.words.fileType[type.kind]).toBe(type.description);
    expect(en.words.workflowEventName).toEqual(WORKFLOW_EVENT_LABELS);
    for (const [kind, label] of Object.entries(WORKFLOW_EVENT_LABELS)) {
      expect(en.words.workflowEvent[kind as keyof typeof WORKFLOW_EVENT_LABELS]).toBe(label.toLowerCase());
    }
  });
});

describe('a role inside HQ’s words', () => {
  it('is named in the interface’s language, not by its code', async () => {
    const review = {
      key: 'hqReason.reviewNamesSomeoneElse',
      params: { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' },
    };
    expect(englishText(review as never)).toBe(
      'The review names someone other than the enrolled person (Sam Ortiz, Field office reviewer)',
    );
    await i18n.changeLanguage('es');
    expect(translateMessage(review as never)).toBe(
      'La revisión nombra a otra persona que la inscrita (Sam Ortiz, Revisor de la oficina regional)',
    );
  });
});

describe('HQ refusals in the sync screens', () => {
  it('are written from the receipt’s outcome code, in English as before and in Spanish', async () => {
    const change = { entity: 'finding', payload: { criterionId: '4.2' } } as never;
    const receipt = (outcome: string, more = {}) =>
      ({ changeId: 'c', outcome, receivedAt: '2027-03-01T10:00:00.000Z', ...more }) as never;
    const stale = refusalMessage(
      { entity: 'finding_review', payload: {} } as never,
      receipt('stale', {
        current: { version: 3, payload: { decision: 'CONCUR', reviewedBy: 'Sam Ortiz' } },
      }),
    );
    const forbidden = refusalMessage(change, receipt('forbidden', { reason: 'outside your field office' }));
    expect(stale.message).toBe(
      'HQ has a newer version of this review (version 3: Concur by Sam Ortiz); reload it before editing.',
    );
    expect(forbidden.message).toBe(
      'HQ refused the finding on 4.2: your account may not change it (HQ: outside your field office).',
    );
    await i18n.changeLanguage('es');
    expect(translateMessage(stale)).toBe(
      'La sede central tiene una versión más reciente de esta revisión (versión 3: Conforme, de Sam Ortiz); vuelva a cargarla antes de editar.',
    );
    expect(translateMessage(forbidden)).toBe(
      'La sede central rechazó el hallazgo de 4.2: su cuenta no puede modificarlo (sede central: outside your field office).',
    );
  });
});

describe('field issues from request validation', () => {
  const issueOf = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error('expected a refusal');
    const [issue] = parsed.error.issues;
    return fieldIssue('notes', issue as never);
  };

  it('carry a key for the generic refusals, keeping zod’s English, and render them in Spanish', async () => {
    const tooLong = issueOf(z.string().max(5), 'too long');
    const empty = issueOf(z.string().min(1), '');
    const short = issueOf(z.string().min(3), 'ab');
    const date = issueOf(IsoDateSchema, '2027-02-30');
    expect(tooLong).toEqual({
      path: 'notes',
      message: 'Too big: expected string to have <=5 characters',
      key: 'fields.tooLong',
      params: { maximum: 5 },
    });
    expect(empty).toMatchObject({
      key: 'fields.required',
      message: 'Too small: expected string to have >=1 characters',
    });
    expect(short).toMatchObject({ key: 'fields.tooShort', params: { minimum: 3 } });
    expect(date).toMatchObject({ key: 'fields.isoDate', message: 'Use a date in the form YYYY-MM-DD' });
    // A schema's own words the catalog does not have stay as they are, in English.
    expect(issueOf(z.string().min(2, { error: 'Say more' }), 'a')).toEqual({ path: 'notes', message: 'Say more' });
    // A schema's own words the catalog has, with their values: the notes limit, the return comment.
    const notes = issueOf(z.string().max(3, { error: 'Notes are limited to 3 characters' }), 'long');
    const platform = issueOf(z.string().min(1, { error: 'Name the video platform' }), '');
    expect(notes).toMatchObject({ key: 'fields.notesLimit', params: { max: '3' } });

    await i18n.changeLanguage('es');
    expect([tooLong, empty, short, date].map((issue) => translateMessage(issue))).toEqual([
      'El límite es de 5 caracteres.',
      'Este campo es obligatorio.',
      'Escriba al menos 3 caracteres.',
      'Use una fecha con el formato AAAA-MM-DD',
    ]);
    expect([notes, platform].map((issue) => translateMessage(issue))).toEqual([
      'Las notas tienen un límite de 3 caracteres',
      'Indique la plataforma de video',
    ]);
  });
});

describe('the interface writes a message in its language', () => {
  it('shows a refusal with a key in Spanish, values formatted there, and its English for an unknown key', async () => {
    const refusal = message('dueDate.beforeReport', { due: '2027-02-01', earliest: '2027-03-01' });
    await i18n.changeLanguage('es');
    // As a service throws it and the dispatcher sends it: the code and the English stay, the key travels with them.
    const thrown = new AppError('BAD_REQUEST', refusal);
    const envelope = fail(thrown.code, thrown.told);
    if (envelope.ok) throw new Error('a failure envelope');
    expect(envelope.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: refusal.message,
      key: 'dueDate.beforeReport',
    });
    expect(translateMessage(envelope.error)).toBe(
      'La fecha límite de respuesta, 1 de febrero de 2027, es anterior a la fecha del informe: no se le puede pedir al Socio que responda antes de que se emita el informe, que tendrá fecha del 1 de marzo de 2027 como mínimo. Elija el 1 de marzo de 2027 o una fecha posterior.',
    );
    const unknown = { code: 'NOT_FOUND', message: 'Something only English knows.', key: 'errors.fromTheFuture' };
    expect(translateMessage(unknown as AppErrorShape)).toBe('Something only English knows.');
    expect(translateMessage({ code: 'INTERNAL', message: 'No key at all.' } as AppErrorShape)).toBe('No key at all.');
  });

  it('shows completeness problems in Spanish: names of results and checklists, plurals, nested sessions', async () => {
    const report = checkWorksheetCompleteness({
      mode: 'IN_PERSON',
      criteria: [
        { id: '1.1', category: 1, level: 'SHOULD' },
        { id: '4.1', category: 4, level: 'MUST' },
      ],
      responses: [],
      findings: [],
      evidence: [],
      sites: [],
      today: '2027-03-01',
    });
    const [sessions] = virtualSessionProblems('VIRTUAL', [
      { platform: 'Teams', startedAt: null, endedAt: null, participants: [{ name: 'A', role: 'OTHER' }] },
      { platform: '', startedAt: '2027-03-01T10:00:00Z', endedAt: null, participants: [] },
    ] as never);
    const failed = failedChecklistItemProblems([{ criterionId: '5.3', result: 'COMPLIANT' }], [
      {
        criterionId: '5.3',
        kind: 'CONTAINER_7_POINT',
        refrigerated: false,
        label: 'MSKU 123456-7',
        items: [
          { key: 'floor', status: 'FAIL', note: '' },
          { key: 'doors', status: 'FAIL', note: '' },
        ],
      },
    ] as never);
    expect(report.errors[0]?.message).toBe('1.1 has no result.');
    expect(sessions?.message).toBe('Session 1 (Teams) has no start or end recorded.');
    expect(failed[0]?.message).toMatch(
      /^5\.3 is marked Compliant but its 7-point container inspection "MSKU 123456-7" failed 2 items/,
    );

    await i18n.changeLanguage('es');
    expect(translateMessage(report.errors[0] as never)).toBe('1.1 no tiene resultado.');
    expect(report.warnings.map((p) => translateMessage(p))).toEqual([
      'No hay instalaciones registradas para esta validación.',
    ]);
    expect(translateMessage(sessions as never)).toBe('La sesión 1 (Teams) no tiene inicio ni fin registrados.');
    expect(translateMessage(failed[0] as never)).toMatch(
      /^5\.3 está marcado Cumple, pero su inspección de contenedor de 7 puntos "MSKU 123456-7" no aprobó 2 puntos/,
    );
    const onNotApplicable = message('completeness.recommendationOnResult', { id: '2.2', result: 'NOT_APPLICABLE' });
    expect(translateMessage(onNotApplicable)).toMatch(/^2\.2 tiene una Recomendación, pero está marcado No aplica:/);
  });
});

describe('the start-up error when the data folder cannot be opened', () => {
  it('is written in the system’s first language, English as the store failure and the migration wrote it', () => {
    const readOnly = storeFailureOnOpen({ code: 'SQLITE_CANTOPEN' }, '/data/ctpat');
    const tooNew = new DatabaseTooNewError(9, 4);
    expect(startupError(tooNew, ['en-GB', 'es-MX']).content).toBe(tooNew.message);
    expect(startupError(readOnly, ['de-DE', 'es-MX'])).toEqual({
      title: 'CTPAT Validator no puede abrir sus datos',
      content: expect.stringMatching(
        /^CTPAT Validator no puede abrir su carpeta de datos \(\/data\/ctpat\): CTPAT Validator no puede escribir/,
      ),
    });
    expect(startupError(tooNew, ['es-419']).content).toBe(
      'Esta carpeta de datos la escribió una versión más reciente de CTPAT Validator (versión del almacén 9; esta versión entiende hasta la 4). No se cambió nada. Instale la última versión de CTPAT Validator para abrirla.',
    );
    expect(readOnly?.message).toMatch(
      /^CTPAT Validator cannot open its data folder \(\/data\/ctpat\): CTPAT Validator may not write/,
    );
    expect(systemLanguages({ LANG: 'es_MX.UTF-8' })).toEqual(['es-MX.UTF-8']);
    expect(startupError(new Error('boom'), []).content).toBe('boom');
  });
});

describe('dates and checklist names inside messages', () => {
  it('are written in the interface’s language, not as ISO dates or English titles', async () => {
    const late = message('errors.inspection.receivedBeforeRequested', {
      n: 1,
      title: 'Visitor log',
      received: '2026-03-04',
      requested: '2026-03-05',
    });
    // Noon UTC is March 1 on every U.S. field laptop, Guam to Hawaii: the message writes the local date.
    const submitted = message('errors.submission.alreadySubmitted', { at: '2027-03-01T12:00:00.000Z' });
    const other = message('errors.inspection.otherChecklist', {
      criterionId: '6.7',
      kind: 'CONTAINER_7_POINT',
      kinds: 'SEAL_VVTT,TRACTOR_TRAILER_17_POINT',
    });
    const failed = message('completeness.checklistFailed', {
      id: '6.7',
      checklist: 'TRACTOR_TRAILER_17_POINT',
      label: '',
      count: 2,
      items: 'trailer-floor,tractor-bumper-tires-rims',
    });
    expect(late.message).toBe(
      'Document 1 ("Visitor log") is received (Mar 4, 2026) before it was requested (Mar 5, 2026).',
    );
    expect(submitted.message).toBe('This validation was already submitted on Mar 1, 2027.');
    expect(other.message).toBe(
      'Criterion 6.7 does not call for a Container / IIT inspection (7-point; 8-point refrigerated); it calls for: Seal verification: View, Verify, Tug, Twist (VVTT); Tractor (7) and trailer (10) inspection.',
    );
    expect(failed.message).toMatch(/failed 2 items \(Floor, Bumper, tires and rims\)/);
    await i18n.changeLanguage('es');
    expect(translateMessage(late)).toBe(
      'El documento 1 («Visitor log») figura como recibido (4 de marzo de 2026) antes de haberse solicitado (5 de marzo de 2026).',
    );
    expect(translateMessage(submitted)).toBe('Esta validación ya se envió el 1 de marzo de 2027.');
    expect(translateMessage(other)).toBe(
      'El criterio 6.7 no requiere Inspección de contenedor / IIT (7 puntos; 8 puntos si es refrigerado); requiere: Verificación del sello: Ver, Verificar, Tirar, Torcer (VVTT); Inspección de tractor (7) y remolque (10).',
    );
    expect(translateMessage(failed)).toMatch(/no aprobó 2 puntos \(Piso, [^)]+\)/);
  });
});

describe('counts inside messages', () => {
  it('choose the singular or plural form, never "change(s)", in English and Spanish', async () => {
    const one = message('sync.unanswered', { count: 1 });
    const three = message('sync.unanswered', { count: 3 });
    expect(one.message).toBe('HQ did not answer for 1 change; it will be sent again.');
    expect(three.message).toBe('HQ did not answer for 3 changes; they will be sent again.');
    // The status line keeps the English; read back from it, the count still picks the form.
    expect(syncMessageOf(three.message)).toEqual({ key: 'sync.unanswered', params: { count: 3 } });
    await i18n.changeLanguage('es');
    expect(translateMessage(one)).toBe('La sede central no respondió por 1 cambio; se enviará de nuevo.');
    expect(translateMessage(three)).toBe('La sede central no respondió por 3 cambios; se enviarán de nuevo.');
    expect(translateMessage(syncMessageOf(one.message))).toBe(
      'La sede central no respondió por 1 cambio; se enviará de nuevo.',
    );
  });

  it('leave no "(s)" or "(es)" plural in the Spanish catalogs: the interface, its messages and the reports', () => {
    const spanishTexts = [...flatten(esInterface).values(), ...flatten(REPORT_TEXT.es).values()];
    expect(spanishTexts.length).toBeGreaterThan(1000);
    expect(spanishTexts.filter((text) => /\w\((s|es)\)/.test(text))).toEqual([]);
  });
});
