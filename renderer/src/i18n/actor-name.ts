import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { shownActorName } from '../../../shared/domain/people';

/** Shows a stored actor name: a person's as it is, the not-enrolled marker in the interface's language. */
export function useActorName(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback((name) => shownActorName(name, t('worksheetParts.common.notEnrolledActor')), [t]);
}
