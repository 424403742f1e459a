import type { TFunction } from 'i18next';
import { z } from 'zod';
import { ParticipantRoleSchema, type VirtualSession } from '../../../../shared/domain/field-work';
import { type RequestOf, SaveVirtualSessionRequestSchema } from '../../../../shared/ipc/contract';
import { i18n } from '../../i18n';

/** The video platforms offered; product names stay as they are, OTHER is named by the catalog. */
export const PLATFORM_CHOICES = [
  { value: 'Microsoft Teams' },
  { value: 'Webex' },
  { value: 'Zoom' },
  { value: 'OTHER' },
] as const;

/** The platform choices with their names in the interface's language. */
export const platformChoices = (t: TFunction) =>
  PLATFORM_CHOICES.map(({ value }) => ({
    value,
    label: value === 'OTHER' ? t('fieldwork.session.platformOther') : value,
  }));

/** Messages come from the catalogs; outside React (tests, the autosave) in the interface's current language. */
const currentT: TFunction = i18n.t;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input, in this computer's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local wall time) as an ISO instant in UTC; '' stays null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const toLocalTime = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * A tour time (HH:MM) on the session's date; a time earlier than the start belongs to the next day
 * (a session that runs past midnight).
 */
export function segmentInstant(startLocal: string, time: string): string | null {
  const date = startLocal.slice(0, 10);
  const at = fromLocalInput(`${date}T${time}`);
  const start = fromLocalInput(startLocal);
  if (!at || !start) return null;
  if (at < start) return new Date(Date.parse(at) + 24 * 3600 * 1000).toISOString();
  return at;
}

/** "5.3, 6.7" or "5.3 6.7" → ['5.3', '6.7']. */
export const parseCriterionList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's fields; the messages of refused values in the language `t` speaks. */
export function sessionFormBaseSchema(t: TFunction = currentT) {
  const ParticipantRow = z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: t('fieldwork.session.errors.participantName') })
      .max(120),
    role: ParticipantRoleSchema,
    organization: z.string().max(200),
  });
  const DocumentRow = z.object({
    title: z
      .string()
      .trim()
      .min(1, { error: t('fieldwork.session.errors.documentTitle') })
      .max(200),
    requestedAt: z.string(),
    receivedAt: z.string(),
  });
  const SegmentRow = z.object({
    time: z.string().regex(/^\d{2}:\d{2}$/, { error: t('fieldwork.session.errors.segmentTime') }),
    area: z
      .string()
      .trim()
      .min(1, { error: t('fieldwork.session.errors.segmentArea') })
      .max(200),
    criteria: z.string(),
    note: z.string().max(2000),
  });
  return z.object({
    platformChoice: z.string(),
    platformOther: z.string().max(80),
    startedAt: z.string(),
    endedAt: z.string(),
    participants: z.array(ParticipantRow),
    documents: z.array(DocumentRow),
    segments: z.array(SegmentRow),
  });
}
export type SessionFormValues = z.infer<ReturnType<typeof sessionFormBaseSchema>>;

/** The form's rules; criterion IDs in tour notes must be on this worksheet. */
export function sessionFormSchema(worksheetCriterionIds: ReadonlySet<string>, t: TFunction = currentT) {
  return sessionFormBaseSchema(t).superRefine((form, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (!PLATFORM_CHOICES.some((p) => p.value === form.platformChoice)) {
      issue(['platformChoice'], t('fieldwork.session.errors.platform'));
    } else if (form.platformChoice === 'OTHER' && !form.platformOther.trim()) {
      issue(['platformOther'], t('fieldwork.session.errors.platformName'));
    }
    const start = fromLocalInput(form.startedAt);
    const end = fromLocalInput(form.endedAt);
    if (start && end && end < start) issue(['endedAt'], t('fieldwork.session.errors.endBeforeStart'));
    form.documents.forEach((doc, i) => {
      if (doc.requestedAt && doc.receivedAt && doc.receivedAt < doc.requestedAt) {
        issue(['documents', i, 'receivedAt'], t('fieldwork.session.errors.receivedBeforeRequested'));
      }
    });
    form.segments.forEach((segment, i) => {
      // Said at the tour time, where it blocks the save, rather than at a start nobody has touched yet.
      if (!start) issue(['segments', i, 'time'], t('fieldwork.session.errors.startFirst'));
      const unknown = parseCriterionList(segment.criteria).filter((id) => !worksheetCriterionIds.has(id));
      if (unknown.length > 0) {
        issue(
          ['segments', i, 'criteria'],
          t('fieldwork.session.errors.notOnWorksheet', { count: unknown.length, ids: unknown.join(', ') }),
        );
      }
    });
  });
}

export function emptySessionForm(): SessionFormValues {
  return {
    platformChoice: '',
    platformOther: '',
    startedAt: '',
    endedAt: '',
    participants: [],
    documents: [],
    segments: [],
  };
}

export function sessionToForm(session: VirtualSession): SessionFormValues {
  const known = PLATFORM_CHOICES.find((p) => p.value !== 'OTHER' && p.value === session.platform);
  return {
    platformChoice: known ? known.value : 'OTHER',
    platformOther: known ? '' : session.platform,
    startedAt: toLocalInput(session.startedAt),
    endedAt: toLocalInput(session.endedAt),
    participants: session.participants.map((p) => ({ ...p })),
    documents: session.documents.map((d) => ({
      title: d.title,
      requestedAt: d.requestedAt ?? '',
      receivedAt: d.receivedAt ?? '',
    })),
    segments: session.segments.map((s) => ({
      time: toLocalTime(s.at),
      area: s.area,
      criteria: s.criterionIds.join(', '),
      note: s.note,
    })),
  };
}

type SaveRequest = RequestOf<'sessions:save'>;

/** The form's rows as a request's, trimmed; tour times are placed on the date of `startLocal`. */
function rowsToRequest(form: Pick<SessionFormValues, 'participants' | 'documents' | 'segments'>, startLocal: string) {
  return {
    participants: form.participants.map((p) => ({
      name: p.name.trim(),
      role: p.role,
      organization: p.organization.trim(),
    })),
    documents: form.documents.map((d) => ({
      title: d.title.trim(),
      requestedAt: d.requestedAt || null,
      receivedAt: d.receivedAt || null,
    })),
    segments: form.segments.map((s) => ({
      at: segmentInstant(startLocal, s.time) ?? '',
      area: s.area.trim(),
      criterionIds: [...new Set(parseCriterionList(s.criteria))],
      note: s.note.trim(),
    })),
  };
}

const platformOf = (form: SessionFormValues) =>
  form.platformChoice === 'OTHER' ? form.platformOther.trim() : form.platformChoice;

/** The checked form as a sessions:save request. */
export function formToRequest(form: SessionFormValues, validationId: string, id: string | undefined): SaveRequest {
  return {
    validationId,
    ...(id ? { id } : {}),
    platform: platformOf(form),
    startedAt: fromLocalInput(form.startedAt),
    endedAt: fromLocalInput(form.endedAt),
    ...rowsToRequest(form, form.startedAt),
  };
}

/** Field path ('endedAt', 'participants.0.name') → the reason its value is refused, in plain words. */
export type SessionFieldErrors = Readonly<Record<string, string>>;

export function sessionFieldErrors(
  form: SessionFormValues,
  worksheetCriterionIds: ReadonlySet<string>,
  t: TFunction = currentT,
): SessionFieldErrors {
  const result = sessionFormSchema(worksheetCriterionIds, t).safeParse(form);
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

export type SessionSavePlan = {
  /** What to send, or null when the store cannot take this session yet. */
  request: SaveRequest | null;
  errors: SessionFieldErrors;
  /** Why nothing is saved yet, when request is null. */
  blocker: string | null;
};

/**
 * What an autosave sends for the form as it stands: every field that passes its checks. A refused
 * platform or time keeps its stored value and a refused entry (participant, document, tour segment)
 * waits on screen until fixed, so the rest keeps saving. With no usable platform (a new session), or if
 * the result would still be refused, nothing is sent: nothing half-saved.
 */
export function planSessionSave(
  form: SessionFormValues,
  target: { validationId: string; id: string; stored: VirtualSession | undefined; criterionIds: ReadonlySet<string> },
  t: TFunction = currentT,
): SessionSavePlan {
  const errors = sessionFieldErrors(form, target.criterionIds, t);
  const refused = (prefix: string) => Object.keys(errors).some((p) => p === prefix || p.startsWith(`${prefix}.`));
  const { stored } = target;

  const platform = refused('platformChoice') || refused('platformOther') ? (stored?.platform ?? '') : platformOf(form);
  if (!platform) return { request: null, errors, blocker: t('fieldwork.session.blocker.platform') };

  // Start and end are checked as a pair, so a refused one holds back both.
  const timesRefused = refused('startedAt') || refused('endedAt');
  const startLocal = timesRefused ? toLocalInput(stored?.startedAt ?? null) : form.startedAt;
  const kept = <T>(rows: T[], list: string) => rows.filter((_, i) => !refused(`${list}.${i}`));
  const rows = rowsToRequest(
    {
      participants: kept(form.participants, 'participants'),
      documents: kept(form.documents, 'documents'),
      segments: kept(form.segments, 'segments'),
    },
    startLocal,
  );
  const request: SaveRequest = {
    validationId: target.validationId,
    id: target.id,
    platform,
    startedAt: timesRefused ? (stored?.startedAt ?? null) : fromLocalInput(form.startedAt),
    endedAt: timesRefused ? (stored?.endedAt ?? null) : fromLocalInput(form.endedAt),
    ...rows,
    segments: rows.segments.filter((s) => s.at !== ''),
  };
  if (!SaveVirtualSessionRequestSchema.safeParse(request).success) {
    return {
      request: null,
      errors,
      blocker: t('fieldwork.session.blocker.invalid'),
    };
  }
  return { request, errors, blocker: null };
}

/** The part of a session an SCSS writes, in one key order, to tell whether a save would change anything. */
function sessionContent(s: Omit<SaveRequest, 'validationId' | 'id'>): string {
  return JSON.stringify({
    platform: s.platform,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    participants: s.participants.map((p) => ({ name: p.name, role: p.role, organization: p.organization })),
    documents: s.documents.map((d) => ({ title: d.title, requestedAt: d.requestedAt, receivedAt: d.receivedAt })),
    segments: s.segments.map((g) => ({ at: g.at, area: g.area, criterionIds: g.criterionIds, note: g.note })),
  });
}

export const holdsSameContent = (request: SaveRequest, stored: VirtualSession | undefined): boolean =>
  stored !== undefined && sessionContent(request) === sessionContent(stored);
