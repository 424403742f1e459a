import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CompletenessProblem } from '../../../../../shared/domain/completeness-types';
import { type ConsideredWarning, warningKey } from '../../../../../shared/domain/considered-warnings';
import { call, errorMessage } from '../../../api';
import { i18n } from '../../../i18n';

/** The SCSS's "considered" marks on this validation's warnings, loaded from the store and saved on each change. */
export function useConsideredWarnings(validationId: string | undefined) {
  const [marks, setMarks] = useState<ConsideredWarning[]>([]);
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!validationId) return;
    let current = true;
    call('warnings:considered', { validationId })
      .then((loaded) => current && setMarks(loaded))
      .catch((e: unknown) => current && setError(i18n.t('worksheet.review.marksNotRead', { error: errorMessage(e) })));
    return () => {
      current = false;
    };
  }, [validationId]);

  const keys = useMemo(() => new Set(marks.map(warningKey)), [marks]);

  /** Marks or unmarks one warning, or every warning of a group; `busy` names what is being saved. */
  const toggle = useCallback(
    async (problems: ReadonlyArray<CompletenessProblem>, considered: boolean, busy: string) => {
      if (!validationId || problems.length === 0) return;
      setSaving(busy);
      setError(null);
      try {
        setMarks(
          await call('warnings:consider', {
            validationId,
            warnings: problems.map((p) => ({ code: p.code, criterionId: p.criterionId })),
            considered,
          }),
        );
      } catch (e) {
        setError(i18n.t('worksheet.review.markNotSaved', { error: errorMessage(e) }));
      } finally {
        setSaving(null);
      }
    },
    [validationId],
  );

  return { keys, saving, error, toggle };
}
