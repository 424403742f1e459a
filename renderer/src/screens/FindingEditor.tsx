import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../shared/catalog/schema';
import {
  defaultDueDate,
  dueDateBeforeReportRefusal,
  earliestReportDate,
  localToday,
} from '../../../shared/domain/due-dates';
import { type FindingClassification, FindingClassificationSchema } from '../../../shared/domain/field-work';
import { defaultFinding, defaultRecommendation, type FindingFields } from '../../../shared/domain/finding-defaults';
import { findingPlacementProblem, recommendationAllowed } from '../../../shared/domain/finding-rules';
import { DEFAULT_RESPONSE_DAYS } from '../../../shared/domain/lifecycle';
import type { ResponseResult } from '../../../shared/domain/validation';
import { call, errorMessage } from '../api';
import { FieldError, fieldControl } from '../components/FormField';
import { useAutosaveText } from '../components/useAutosaveText';
import { translateMessage } from '../i18n/messages';
import { createMergingSaveQueue } from '../state/merging-save-queue';
import { displayedResponse, useWorksheetStore } from '../state/worksheet-store';
import { EvidencePanel } from './evidence/EvidencePanel';
import { ReturnedFindingNote } from './worksheet/ReturnedBanner';
import './finding-editor.css';
import { useReasonLabel } from '../i18n/reason-labels';

/**
 * Whether a criterion card shows the finding area: a finding to edit, a Deficient result that needs one, or a
 * Compliant result that may take a Recommendation (an improvement the Member is not required to make).
 */
export const findingAreaShown = (result: ResponseResult | null, hasFinding: boolean): boolean =>
  hasFinding || result === 'DEFICIENT' || recommendationAllowed(result);

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

export function FindingEditor({
  validationId,
  criterion,
  locked,
}: {
  validationId: string;
  criterion: Criterion;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const finding = useWorksheetStore((s) => s.worksheet?.findings.find((f) => f.criterionId === criterion.id));
  const settings = useWorksheetStore((s) => s.worksheet?.settings);
  const apply = useWorksheetStore((s) => s.apply);
  const remove = useWorksheetStore((s) => s.remove);
  const result = useWorksheetStore((s) => displayedResponse(s, criterion.id).result);
  const reasonLabel = useReasonLabel();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // A due date the SCSS typed that was refused: kept on screen, with why, until they fix it.
  const [dueDraft, setDueDraft] = useState<{ value: string; message: string } | null>(null);

  // Quick edits queue one after another, each carrying the ones before it, so none is put back by a later save.
  const queue = useRef(createMergingSaveQueue<FindingFields>()).current;
  const [, setPendingShown] = useState<FindingFields | null>(null);

  /** Saves the change; the refusal's words when it was refused (also shown under the finding), else null. */
  const persist = async (change: Partial<FindingFields>, start?: FindingFields): Promise<string | null> => {
    if (!settings) return t('worksheet.finding.settingsNotLoaded');
    const stored = finding ?? start ?? defaultFinding(criterion.level, settings.responseDays);
    const base: FindingFields = {
      classification: stored.classification,
      reasonCode: stored.reasonCode,
      description: stored.description,
      dueDate: stored.dueDate,
    };
    setState({ kind: 'saving' });
    try {
      const saving = queue.save(base, change, async (fields) => {
        const saved = await call('findings:save', { validationId, criterionId: criterion.id, ...fields });
        apply('findings', saved);
        return saved;
      });
      setPendingShown(queue.pending());
      await saving;
      setState({ kind: 'saved' });
      return null;
    } catch (error) {
      const message = errorMessage(error);
      setState({ kind: 'error', message });
      return message;
    } finally {
      setPendingShown(queue.pending());
    }
  };
  const description = useAutosaveText(finding?.description ?? '', (value) => void persist({ description: value }));

  const prefix = `finding-${criterion.id}`;
  const savingError = state.kind === 'error' && (
    <p className="usa-error-message" role="alert">
      {state.message}
    </p>
  );
  if (!finding) {
    if (result === 'DEFICIENT') {
      return (
        <div className="finding-editor finding-editor--missing">
          <p>
            {criterion.level === 'SHOULD' ? t('worksheet.finding.missingShould') : t('worksheet.finding.missingMust')}
          </p>
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={locked || !settings}
            onClick={() => void persist({})}
          >
            {t('worksheet.finding.record', { id: criterion.id })}
          </button>
          {savingError}
        </div>
      );
    }
    // A locked worksheet takes no new advice: nothing to offer.
    if (locked) return null;
    return (
      <div className="finding-editor-offer">
        <button
          type="button"
          className="usa-button usa-button--outline usa-button--small finding-editor-offer__button"
          disabled={!settings}
          onClick={() => void persist({}, defaultRecommendation())}
        >
          {t('worksheet.finding.addRecommendation')}
          <span className="usa-sr-only">{t('worksheet.finding.addRecommendationFor', { id: criterion.id })}</span>
        </button>
        <span className="finding-editor-offer__hint">{t('worksheet.finding.offerHint')}</span>
        {savingError}
      </div>
    );
  }

  // What the SCSS chose is shown at once, while its save is on the way.
  const shown: FindingFields = { ...finding, ...queue.pending() };
  const today = localToday();
  const removeFinding = async () => {
    setState({ kind: 'saving' });
    try {
      await call('findings:delete', { validationId, criterionId: criterion.id });
      remove('findings', finding.id);
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  const classify = (classification: FindingClassification) => {
    setDueDraft(null);
    // A Recommendation has no due date; Action required gets the default one back when it had none.
    void persist({
      classification,
      dueDate:
        classification === 'RECOMMENDATION'
          ? null
          : (shown.dueDate ?? defaultDueDate(today, settings?.responseDays ?? DEFAULT_RESPONSE_DAYS)),
    });
  };
  const setDueDate = async (value: string) => {
    const refusal = value ? dueDateBeforeReportRefusal(value, earliestReportDate(today)) : null;
    if (refusal) {
      setDueDraft({ value, message: translateMessage(refusal) });
      return;
    }
    setDueDraft(null);
    const refused = await persist({ dueDate: value || null });
    if (refused) setDueDraft({ value, message: refused });
  };

  const recommendation = shown.classification === 'RECOMMENDATION';
  const placement = result === null ? null : findingPlacementProblem(criterion, shown.classification, result);
  const misplaced = result === null || placement?.code === 'FINDING_ON_NON_DEFICIENT';
  // A kept date from before that has fallen behind the report date is shown as the same refusal.
  const staleDue =
    !recommendation && shown.dueDate ? dueDateBeforeReportRefusal(shown.dueDate, earliestReportDate(today)) : null;
  const dueError = dueDraft?.message ?? (staleDue && translateMessage(staleDue));
  const activeReasons = settings?.deficiencyReasons.filter((r) => r.active || r.code === shown.reasonCode) ?? [];
  const reasonShown = !recommendation || result === 'DEFICIENT' || shown.reasonCode !== null;
  const describesDeficiency = !recommendation || result === 'DEFICIENT';
  return (
    <fieldset
      className={`usa-fieldset finding-editor${recommendation ? ' finding-editor--recommendation' : ''}`}
      disabled={locked}
      data-testid="finding-editor"
    >
      <legend className="finding-editor__legend">
        {recommendation
          ? t('worksheet.finding.legendRecommendation', { id: criterion.id })
          : t('worksheet.finding.legendFinding', { id: criterion.id })}
      </legend>
      <ReturnedFindingNote findingId={finding.id} />
      {misplaced && (
        <div className="usa-alert usa-alert--warning usa-alert--slim finding-editor__orphan">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {recommendation
                ? placement
                  ? translateMessage(placement)
                  : t('worksheet.finding.noResult', { id: criterion.id })
                : t('worksheet.finding.noLongerDeficient', { id: criterion.id })}{' '}
              {!recommendation && result === 'COMPLIANT' && (
                <>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => classify('RECOMMENDATION')}
                  >
                    {t('worksheet.finding.keepAsRecommendation')}
                  </button>{' '}
                  {t('worksheet.finding.or')}{' '}
                </>
              )}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => void removeFinding()}>
                {t('worksheet.finding.remove')}
              </button>
            </p>
          </div>
        </div>
      )}
      {placement?.code === 'FINDING_CLASSIFICATION_MISMATCH' && (
        <div className="usa-alert usa-alert--warning usa-alert--slim finding-editor__orphan">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{translateMessage(placement)}</p>
          </div>
        </div>
      )}
      <div className="finding-editor__grid">
        <div className="finding-editor__classification">
          <span className="usa-label finding-editor__label">{t('worksheet.finding.classificationLabel')}</span>
          {FindingClassificationSchema.options.map((classification) => (
            <div className="usa-radio" key={classification}>
              <input
                className="usa-radio__input"
                type="radio"
                id={`${prefix}-${classification}`}
                name={`${prefix}-classification`}
                checked={shown.classification === classification}
                onChange={() => classify(classification)}
              />
              <label className="usa-radio__label" htmlFor={`${prefix}-${classification}`}>
                {t(`domain.classification.${classification}`)}
              </label>
            </div>
          ))}
        </div>
        {reasonShown ? (
          <div>
            <label className="usa-label finding-editor__label" htmlFor={`${prefix}-reason`}>
              {t('worksheet.finding.reason')}
              {recommendation && <span className="finding-editor__optional">{t('worksheet.finding.optional')}</span>}
            </label>
            <select
              className="usa-select"
              id={`${prefix}-reason`}
              value={shown.reasonCode ?? ''}
              onChange={(e) => void persist({ reasonCode: e.target.value || null })}
            >
              <option value="">{t('worksheet.finding.selectReason')}</option>
              {activeReasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {reasonLabel(r)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div />
        )}
        {recommendation ? (
          <div>
            <span className="usa-label finding-editor__label">{t('worksheet.finding.memberResponse')}</span>
            <p className="finding-editor__no-due" data-testid="no-response-due">
              {t('worksheet.finding.noResponseDue')}
            </p>
          </div>
        ) : (
          <div className={`usa-form-group finding-editor__due${dueError ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label finding-editor__label" htmlFor={`${prefix}-due`}>
              {t('worksheet.finding.responseDue')}
            </label>
            {dueError && <FieldError id={`${prefix}-due`}>{dueError}</FieldError>}
            <input
              className="usa-input"
              type="date"
              min={earliestReportDate(today)}
              {...fieldControl(`${prefix}-due`, { error: dueError })}
              value={dueDraft?.value ?? shown.dueDate ?? ''}
              onChange={(e) => void setDueDate(e.target.value)}
            />
          </div>
        )}
      </div>
      <label className="usa-label finding-editor__label" htmlFor={`${prefix}-description`}>
        {describesDeficiency ? t('worksheet.finding.describeDeficiency') : t('worksheet.finding.describeImprovement')}
      </label>
      <textarea
        className="usa-textarea finding-editor__description"
        id={`${prefix}-description`}
        rows={3}
        value={description.value}
        data-saved={description.saved}
        onChange={(e) => description.onChange(e.target.value)}
        onBlur={description.onBlur}
      />
      <div className="finding-editor__status" aria-live="polite">
        {state.kind === 'saving' && t('worksheet.finding.saving')}
        {state.kind === 'saved' && t('worksheet.finding.saved')}
        {state.kind === 'error' && (
          <span className="usa-error-message" role="alert">
            {t('worksheet.finding.notSaved', { message: state.message })}
          </span>
        )}
      </div>
      {recommendation && result === 'COMPLIANT' && (
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => void removeFinding()}>
          {t('worksheet.finding.removeRecommendation')}
        </button>
      )}
      <EvidencePanel validationId={validationId} criterionId={null} findingId={finding.id} locked={locked} />
    </fieldset>
  );
}
