import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { assignmentTargetWindow } from '../../../../shared/domain/member-record/assignment';
import type { WorkPlanRow } from '../../../../shared/domain/member-record/work-plan';
import type { ValidationMode } from '../../../../shared/domain/validation';
import type { OfficePeople } from '../../../../shared/ipc/member-record-contract';
import { ApiError, call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { FormField } from '../../components/FormField';
import { formatDate } from '../../components/format';
import { type AssignValues, assignFormSchema } from './assign-form';

const MODES: ValidationMode[] = ['IN_PERSON', 'VIRTUAL'];

/**
 * A supervisor gives a validation or revalidation on the plan to an SCSS of the field office: who, how, by when.
 * Saved as one change to the Member's record (SCSS_ASSIGNED), against the record version the plan was built from.
 */
export function AssignForm({
  row,
  people,
  today,
  onSaved,
  onStale,
  onCancel,
}: {
  row: WorkPlanRow;
  people: OfficePeople['people'];
  today: string;
  onSaved: (assignee: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const scssList = people.filter((p) => p.role === 'SCSS');
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the person's attention goes when the form opens: its heading, read with what is being assigned.
  useEffect(() => heading.current?.focus(), []);
  const { latest } = assignmentTargetWindow(row.dueOn, `${today}T12:00:00.000Z`);
  const work = t(`memberRecord.workPlan.kinds.${row.kind}`);
  const schema = useMemo(() => assignFormSchema({ today, latest, dueOn: row.dueOn }), [today, latest, row.dueOn]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting: saving },
  } = useForm<AssignValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      scssId: row.assignedUserId ?? '',
      mode: row.mode ?? 'IN_PERSON',
      targetDate: row.targetDate ?? '',
    },
  });

  const submit = async ({ scssId, mode, targetDate }: AssignValues) => {
    setFailure(null);
    const scss = scssList.find((p) => p.id === scssId);
    if (!scss) return;
    try {
      await call('members:change', {
        memberId: row.memberId,
        baseVersion: row.recordVersion,
        change: {
          kind: 'SCSS_ASSIGNED',
          scss: { userId: scss.id, name: scss.name },
          work: row.kind === 'REVALIDATION' ? 'REVALIDATION' : 'VALIDATION',
          mode,
          targetDate,
        },
      });
      onSaved(scss.name);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        onStale();
        setFailure(t('memberRecord.workPlan.assignForm.conflict'));
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  return (
    <form
      className="usa-form work-plan__assign"
      aria-labelledby="assign-heading"
      onSubmit={handleSubmit(submit)}
      noValidate
    >
      <h2 id="assign-heading" tabIndex={-1} ref={heading}>
        {t('memberRecord.workPlan.assignForm.heading')}
      </h2>
      <p className="work-plan__assign-what">
        {t('memberRecord.workPlan.assignForm.what', { work, member: row.legalName, date: formatDate(row.dueOn) })}
      </p>
      {failure && (
        <Alert type="error" heading={t('memberRecord.workPlan.assignForm.notSaved')}>
          {failure}
        </Alert>
      )}
      {/* Held while saving: the answer closes the form, so a choice changed meanwhile would not be the one saved. */}
      <fieldset className="usa-fieldset" disabled={saving}>
        {scssList.length === 0 ? (
          <Alert type="warning">{t('memberRecord.workPlan.assignForm.noScss')}</Alert>
        ) : (
          <FormField id="assign-scss" label={t('memberRecord.workPlan.assignForm.scss')} error={errors.scssId?.message}>
            {(control) => (
              <select className="usa-select" {...control} {...register('scssId')}>
                <option value="">{t('memberRecord.workPlan.assignForm.chooseScss')}</option>
                {scssList.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('memberRecord.workPlan.assignForm.mode')}</legend>
          <div className="work-plan__modes">
            {MODES.map((m) => (
              <div className="usa-radio" key={m}>
                <input
                  className="usa-radio__input"
                  id={`assign-mode-${m}`}
                  type="radio"
                  value={m}
                  {...register('mode')}
                />
                <label className="usa-radio__label" htmlFor={`assign-mode-${m}`}>
                  {t(`domain.mode.${m}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id="assign-target"
          label={t('memberRecord.workPlan.assignForm.targetDate')}
          hint={t('memberRecord.workPlan.assignForm.targetHint', { date: formatDate(latest) })}
          error={errors.targetDate?.message}
        >
          {(control) => (
            <input
              className="usa-input"
              type="date"
              min={today}
              max={latest}
              {...control}
              {...register('targetDate')}
            />
          )}
        </FormField>
      </fieldset>
      <div className="work-plan__assign-actions">
        <button type="submit" className="usa-button" disabled={saving || scssList.length === 0}>
          {t('memberRecord.workPlan.assignForm.save')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
          {t('memberRecord.workPlan.assignForm.cancel')}
        </button>
      </div>
    </form>
  );
}
