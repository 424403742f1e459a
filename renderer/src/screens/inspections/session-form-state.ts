import type { SessionFieldErrors, SessionFormValues } from './session-form';

export type EntryList = 'participants' | 'documents' | 'segments';

/** A field's value by its path: 'startedAt' or 'participants.0.name'. */
export function valueAt(values: SessionFormValues, path: string): string {
  const [head, index, field] = path.split('.');
  if (index === undefined) return String(values[head as keyof SessionFormValues] ?? '');
  const row = values[head as EntryList][Number(index)] as Record<string, string> | undefined;
  return row?.[field as string] ?? '';
}

/** The values with one field changed. */
export function withValue(values: SessionFormValues, path: string, value: string): SessionFormValues {
  const [head, index, field] = path.split('.');
  if (index === undefined) return { ...values, [head as string]: value };
  const list = head as EntryList;
  const rows = values[list].map((row, i) => (i === Number(index) ? { ...row, [field as string]: value } : row));
  return { ...values, [list]: rows };
}

/**
 * The fields judged together: start and end; each entry's fields. A refused field is shown as soon as the
 * SCSS has worked on any field of its group, so the end is flagged when it is the start that moved.
 */
export function fieldGroup(path: string): string {
  if (path === 'startedAt' || path === 'endedAt') return 'times';
  if (path === 'platformChoice' || path === 'platformOther') return 'platform';
  return path.split('.').slice(0, 2).join('.');
}

/** The refused fields to show: those in a group the SCSS has worked on. */
export function visibleErrors(errors: SessionFieldErrors, worked: ReadonlySet<string>): SessionFieldErrors {
  const groups = new Set([...worked].map(fieldGroup));
  return Object.fromEntries(Object.entries(errors).filter(([path]) => groups.has(fieldGroup(path))));
}

/** Paths after removing entry `index` of `list`: that entry's go, later entries move up one. */
export function withoutEntry(paths: ReadonlySet<string>, list: EntryList, index: number): Set<string> {
  const next = new Set<string>();
  for (const path of paths) {
    const [head, i, field] = path.split('.');
    if (head !== list || i === undefined) next.add(path);
    else if (Number(i) < index) next.add(path);
    else if (Number(i) > index) next.add(`${list}.${Number(i) - 1}.${field}`);
  }
  return next;
}
