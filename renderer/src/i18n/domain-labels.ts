import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../shared/domain/entity-types';
import type { WorkflowState } from '../../../shared/domain/lifecycle';
import type { ValidationMode, ValidationStatus } from '../../../shared/domain/validation';

/** The names of domain codes in the interface's language (the codes themselves stay language-free). */
export function useDomainLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      entityType: (code: EntityType) => t(`domain.entityType.${code}`),
      mode: (code: ValidationMode) => t(`domain.mode.${code}`),
      status: (code: ValidationStatus) => t(`domain.status.${code}`),
      workflowState: (code: WorkflowState) => t(`domain.workflowState.${code}`),
    }),
    [t],
  );
}
