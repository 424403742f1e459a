import './evidence.css';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../../shared/domain/evidence-files';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/field-work';
import { call } from '../../api';
import { useWorksheetStore } from '../../state/worksheet-store';
import { AttachProblems, UploadList } from './AttachProgress';
import { EvidenceFileInput } from './EvidenceFileInput';
import { EvidenceItem } from './EvidenceItem';
import { useAttachQueue } from './useAttachQueue';

/**
 * Photos and documents attached to a criterion, or to a finding: choose files, drop them, or paste a
 * screenshot. Files attach one after another, each with its own progress; a refused file is reported by
 * name and never stops the others.
 */
export function EvidencePanel({
  validationId,
  criterionId,
  findingId,
  locked,
}: {
  validationId: string;
  criterionId: string | null;
  findingId: string | null;
  locked: boolean;
}) {
  const all = useWorksheetStore((s) => s.worksheet?.evidence);
  const maxBytes = useWorksheetStore(
    (s) => s.worksheet?.settings?.maxEvidenceBytes ?? DEFAULT_SETTINGS.maxEvidenceBytes,
  );
  const apply = useWorksheetStore((s) => s.apply);
  const evidence = useMemo(
    () =>
      (all ?? []).filter((e) =>
        findingId ? e.findingId === findingId : e.criterionId === criterionId && e.findingId === null,
      ),
    [all, criterionId, findingId],
  );
  const id = useId();
  const { t } = useTranslation();
  const files = useAttachQueue({
    validationId,
    maxBytes,
    locked,
    attach: async (fileName, source) => {
      const saved = await call('evidence:attach', {
        validationId,
        criterionId,
        findingId,
        fileName,
        mediaType: '',
        caption: '',
        source,
      });
      apply('evidence', saved);
      return t('reports.evidence.panel.attached', { fileName: saved.fileName });
    },
    notAttached: (fileName, error) => t('reports.evidence.panel.notAttached', { fileName, error }),
  });

  const title = findingId
    ? t('reports.evidence.panel.forFinding')
    : t('reports.evidence.panel.forCriterion', { criterion: criterionId });
  return (
    <section
      className={`evidence-panel${files.dragging ? ' evidence-panel--dragging' : ''}`}
      aria-labelledby={`${id}-heading`}
      aria-describedby={locked ? undefined : `${id}-paste-hint`}
      tabIndex={locked ? undefined : 0}
      data-testid="evidence-panel"
      {...files.targetHandlers}
    >
      <h4 id={`${id}-heading`} className="evidence-panel__heading">
        {title} {evidence.length > 0 && <span className="evidence-panel__count">({evidence.length})</span>}
      </h4>
      {evidence.length > 0 && (
        <ul className="evidence-panel__list">
          {evidence.map((e) => (
            <EvidenceItem key={e.id} evidence={e} locked={locked} />
          ))}
        </ul>
      )}
      {evidence.length === 0 && locked && <p className="evidence-panel__empty">{t('reports.evidence.panel.none')}</p>}

      <UploadList
        uploads={files.uploads}
        className="evidence-panel__uploads"
        label={t('reports.evidence.panel.uploads')}
        describe={(u) =>
          u.phase === 'reading'
            ? t('reports.evidence.panel.reading', { fileName: u.fileName })
            : t('reports.evidence.panel.attaching', { fileName: u.fileName })
        }
        progressLabel={(u) => t('reports.evidence.panel.progress', { fileName: u.fileName })}
        testId="evidence-upload"
      />
      <p className="usa-sr-only" role="status">
        {files.announcement}
      </p>

      <AttachProblems
        problems={files.problems}
        className="evidence-panel__problems"
        dismissLabel={t('reports.evidence.panel.dismiss')}
        onDismiss={files.dismissProblems}
      />

      {!locked && (
        <div className={`usa-form-group evidence-drop${files.dragging ? ' evidence-drop--active' : ''}`}>
          <EvidenceFileInput
            id={id}
            label={t('reports.evidence.panel.attach')}
            hint={t('reports.evidence.panel.hint', { size: formatFileSize(maxBytes) })}
            block="evidence-drop"
            testId="evidence-file-input"
            attachment={files}
          />
          <span className="usa-sr-only" id={`${id}-paste-hint`}>
            {t('reports.evidence.panel.pasteHint')}
          </span>
        </div>
      )}
    </section>
  );
}
