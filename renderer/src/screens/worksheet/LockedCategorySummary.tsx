import './locked-summary.css';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../shared/catalog/schema';
import type { DeficiencyReason, Evidence, Finding, InspectionChecklist } from '../../../../shared/domain/field-work';
import type { CriterionResponse, ResponseResult } from '../../../../shared/domain/validation';
import { formatDate } from '../../components/format';
import { useWorksheetStore } from '../../state/worksheet-store';
import { Fact, LockedChecklists, LockedEvidence, LockedFinding } from './LockedCriterionParts';

type PreviousResult = { result: ResponseResult | null; scheduledDate: string };

/**
 * A submitted validation's answers for one category, to read rather than to edit: each criterion is a compact
 * block (result as a coloured, worded tag, how and where it was verified, notes, finding, inspections, evidence).
 * Blocks keep `data-criterion` and take focus, so links that name a criterion still land on it.
 */
export function LockedCategorySummary({ criteria }: { criteria: readonly Criterion[] }) {
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const responses = useWorksheetStore((s) => s.responses);
  const activeCriterionId = useWorksheetStore((s) => s.activeCriterionId);
  const setActive = useWorksheetStore((s) => s.setActiveCriterion);
  if (!worksheet) return null;

  const siteNames = new Map(worksheet.sites.map((site) => [site.id, site.name]));
  return (
    <div className="locked-summary" data-testid="locked-summary">
      {criteria.map((criterion) => {
        const finding = worksheet.findings.find((f) => f.criterionId === criterion.id);
        return (
          <LockedCriterion
            key={criterion.id}
            validationId={worksheet.validation.id}
            criterion={criterion}
            response={responses[criterion.id]}
            finding={finding}
            checklists={worksheet.checklists.filter((c) => c.criterionId === criterion.id)}
            evidence={worksheet.evidence}
            siteNames={siteNames}
            previous={worksheet.previousResults.find((p) => p.criterionId === criterion.id)}
            reasons={worksheet.settings.deficiencyReasons}
            active={criterion.id === activeCriterionId}
            onFocus={() => setActive(criterion.id)}
          />
        );
      })}
    </div>
  );
}

function LockedCriterion({
  validationId,
  criterion,
  response,
  finding,
  checklists,
  evidence,
  siteNames,
  previous,
  reasons,
  active,
  onFocus,
}: {
  validationId: string;
  criterion: Criterion;
  response: CriterionResponse | undefined;
  finding: Finding | undefined;
  checklists: readonly InspectionChecklist[];
  evidence: readonly Evidence[];
  siteNames: ReadonlyMap<string, string>;
  previous: PreviousResult | undefined;
  reasons: readonly DeficiencyReason[];
  active: boolean;
  onFocus: () => void;
}) {
  const { t } = useTranslation();
  const result = response?.result ?? null;
  const headingId = `locked-${criterion.id}-heading`;
  const resultId = `locked-${criterion.id}-result`;
  const criterionEvidence = evidence.filter((e) => e.criterionId === criterion.id && e.findingId === null).length;
  const findingEvidence = finding ? evidence.filter((e) => e.findingId === finding.id).length : 0;
  const callsForInspection = (criterion.checklists?.length ?? 0) > 0 || checklists.length > 0;
  const modifier = (result ?? 'none').toLowerCase();
  // A criterion that does not apply was not verified: no "Not recorded" to read past.
  const methods = response?.verificationMethods.map((m) => t(`domain.method.${m}`)).join(', ') ?? '';
  return (
    <article
      className={`locked-criterion locked-criterion--${modifier}${active ? ' locked-criterion--active' : ''}`}
      aria-labelledby={`${headingId} ${resultId}`}
      data-criterion={criterion.id}
      data-testid="locked-criterion"
      tabIndex={-1}
      onFocus={onFocus}
    >
      <header className="locked-criterion__header">
        <h3 id={headingId} className="locked-criterion__id">
          {criterion.id}
        </h3>
        <span className="locked-criterion__level">{t(`domain.level.${criterion.level}`)}</span>
        <span id={resultId} className={`result-tag result-tag--${modifier}`} data-testid="locked-result">
          {result ? t(`domain.result.${result}`) : t('worksheet.lockedSummary.notAnswered')}
        </span>
        {previous?.result && (
          <span
            className="usa-tag previous-tag"
            title={t('worksheet.criterion.previousTitle', { date: formatDate(previous.scheduledDate) })}
          >
            {t('worksheet.criterion.lastValidation', { result: t(`domain.result.${previous.result}`) })}
          </span>
        )}
        {previous?.result === 'DEFICIENT' && result === 'DEFICIENT' && (
          <span className="usa-tag repeat-tag">{t('worksheet.criterion.repeat')}</span>
        )}
      </header>
      <p className="locked-criterion__summary">{criterion.summary}</p>
      <dl className="locked-facts">
        {(result !== 'NOT_APPLICABLE' || methods) && (
          <Fact term={t('worksheet.lockedSummary.howVerified')} empty={t('worksheet.lockedSummary.notRecorded')}>
            {methods}
          </Fact>
        )}
        {siteNames.size > 0 && (
          <Fact term={t('worksheet.lockedSummary.verifiedAt')} empty={t('worksheet.lockedSummary.noSite')}>
            {response?.siteId ? (siteNames.get(response.siteId) ?? t('worksheet.lockedSummary.siteRemoved')) : null}
          </Fact>
        )}
        {result === 'NOT_APPLICABLE' && (
          <Fact
            term={t('worksheet.lockedSummary.whyNotApplicable')}
            empty={t('worksheet.lockedSummary.noReason')}
            multiline
          >
            {response?.naJustification}
          </Fact>
        )}
        <Fact term={t('worksheet.lockedSummary.notes')} empty={t('worksheet.lockedSummary.noNotes')} multiline>
          {response?.notes}
        </Fact>
        {callsForInspection && (
          <Fact term={t('worksheet.lockedSummary.inspections')} empty={t('worksheet.lockedSummary.noInspection')} wide>
            {checklists.length > 0 ? <LockedChecklists checklists={checklists} /> : null}
          </Fact>
        )}
      </dl>
      {finding && (
        <LockedFinding finding={finding} criterionId={criterion.id} reasons={reasons} evidenceCount={findingEvidence} />
      )}
      <LockedEvidence
        validationId={validationId}
        criterionId={criterion.id}
        findingId={null}
        count={criterionEvidence}
      />
    </article>
  );
}
