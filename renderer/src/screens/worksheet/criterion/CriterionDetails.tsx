import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Criterion } from '../../../../../shared/catalog/schema';
import { NOTES_MAX_LENGTH } from '../../../../../shared/domain/validation';
import { LimitedTextarea } from '../../../components/LimitedTextarea';
import { useAutosaveText } from '../../../components/useAutosaveText';
import { usePreferences } from '../../../state/preferences';
import { displayedResponse, useWorksheetStore } from '../../../state/worksheet-store';
import { EvidencePanel } from '../../evidence/EvidencePanel';
import { FindingEditor, findingAreaShown } from '../../FindingEditor';
import { ChecklistPanel } from '../../inspections/ChecklistPanel';
import { ReturnedFindingNote } from '../ReturnedBanner';
import { useReturnedFinding } from './CriterionTags';
import { METHOD_KEYS, methodLabel, offeredMethods, toggledMethods } from './methods';

/** Element ids the keyboard shortcuts move focus to. */
export const notesFieldId = (criterionId: string) => `notes-${criterionId}`;
export const justificationFieldId = (criterionId: string) => `na-${criterionId}`;
export const siteFieldId = (criterionId: string) => `site-${criterionId}`;
export const findingAreaId = (criterionId: string) => `finding-area-${criterionId}`;

/**
 * Everything about one criterion below its result: how and where it was verified, why it does not apply, notes,
 * the finding, checklists and evidence. The detailed card shows it always; a compact row when expanded.
 */
export function CriterionDetails({ criterion, locked }: { criterion: Criterion; locked: boolean }) {
  const { t } = useTranslation();
  const shown = useWorksheetStore(useShallow((s) => displayedResponse(s, criterion.id)));
  const saved = useWorksheetStore((s) => s.responses[criterion.id]);
  const sites = useWorksheetStore((s) => s.worksheet?.sites);
  const mode = useWorksheetStore((s) => s.worksheet?.validation.mode ?? 'IN_PERSON');
  const validationId = useWorksheetStore((s) => s.worksheet?.validation.id ?? '');
  const hasFinding = useWorksheetStore((s) => s.worksheet?.findings.some((f) => f.criterionId === criterion.id));
  const evidenceCount = useWorksheetStore(
    (s) => s.worksheet?.evidence.filter((e) => e.criterionId === criterion.id && e.findingId === null).length ?? 0,
  );
  // A finding the field office sent back whose finding is gone: the reviewer's words are shown here.
  const returned = useReturnedFinding(criterion.id);
  const returnedFindingShown = useWorksheetStore(
    (s) => returned !== undefined && (s.worksheet?.findings.some((f) => f.id === returned.findingId) ?? false),
  );
  const save = useWorksheetStore((s) => s.save);
  const record = useWorksheetStore((s) => s.record);
  const [preferences] = usePreferences();

  const notes = useAutosaveText(saved?.notes ?? '', (value) => void save(criterion.id, { notes: value }), {
    maxLength: NOTES_MAX_LENGTH,
    draftKey: `${validationId}/${criterion.id}/notes`,
  });
  const justification = useAutosaveText(
    saved?.naJustification ?? '',
    (value) => void save(criterion.id, { naJustification: value }),
    { maxLength: NOTES_MAX_LENGTH, draftKey: `${validationId}/${criterion.id}/na` },
  );
  const methods = offeredMethods(mode, preferences.virtualMethodsInPerson, shown.verificationMethods);

  return (
    <>
      <div className="criterion-card__details">
        <fieldset className="usa-fieldset method-group" disabled={locked}>
          <legend className="criterion-card__small-legend">{t('worksheet.criterion.details.howVerified')}</legend>
          {methods.map((method) => {
            const id = `method-${criterion.id}-${method}`;
            return (
              <div className="usa-checkbox method-option" key={method}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={id}
                  checked={shown.verificationMethods.includes(method)}
                  aria-keyshortcuts={METHOD_KEYS[method]}
                  onChange={() =>
                    void record(criterion.id, {
                      verificationMethods: toggledMethods(shown.verificationMethods, method),
                    })
                  }
                />
                <label className="usa-checkbox__label" htmlFor={id}>
                  {methodLabel(t, method)}
                  <span className="result-option__key" aria-hidden="true">
                    {METHOD_KEYS[method]}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
        {sites && sites.length > 0 && (
          <div className="criterion-card__site">
            <label className="criterion-card__small-legend" htmlFor={siteFieldId(criterion.id)}>
              {t('worksheet.criterion.details.verifiedAt')}
              <span className="result-option__key" aria-hidden="true">
                S
              </span>
            </label>
            <select
              className="usa-select usa-select--small"
              id={siteFieldId(criterion.id)}
              value={shown.siteId ?? ''}
              disabled={locked}
              aria-keyshortcuts="S"
              onChange={(e) => void record(criterion.id, { siteId: e.target.value || null })}
            >
              <option value="">{t('worksheet.criterion.details.noSite')}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {shown.result === 'NOT_APPLICABLE' && (
        <div className="criterion-card__justification">
          <LimitedTextarea
            id={justificationFieldId(criterion.id)}
            label={
              <>
                {t('worksheet.criterion.details.whyNotApplicable', { id: criterion.id })}
                {criterion.level !== 'SHOULD' && (
                  <span className="required-note">{t('worksheet.criterion.details.required')}</span>
                )}
              </>
            }
            text={justification}
            maxLength={NOTES_MAX_LENGTH}
            disabled={locked}
          />
        </div>
      )}

      <LimitedTextarea
        id={notesFieldId(criterion.id)}
        label={t('worksheet.criterion.details.notes', { id: criterion.id })}
        labelClassName="usa-label criterion-card__notes-label"
        className="criterion-card__notes"
        text={notes}
        maxLength={NOTES_MAX_LENGTH}
        disabled={locked}
      />

      {returned && !returnedFindingShown && <ReturnedFindingNote findingId={returned.findingId} />}
      <div id={findingAreaId(criterion.id)} className="criterion-card__finding-area">
        {findingAreaShown(shown.result, hasFinding === true) && (
          <FindingEditor validationId={validationId} criterion={criterion} locked={locked} />
        )}
      </div>
      {criterion.checklists && criterion.checklists.length > 0 && (
        <ChecklistPanel validationId={validationId} criterion={criterion} locked={locked} />
      )}
      <details className="criterion-card__evidence" open={evidenceCount > 0}>
        <summary>{t('worksheet.criterion.details.evidence', { id: criterion.id, n: evidenceCount })}</summary>
        <EvidencePanel validationId={validationId} criterionId={criterion.id} findingId={null} locked={locked} />
      </details>
    </>
  );
}
