import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionOf, formatFileSize } from '../../../../shared/domain/evidence-files';
import type { Evidence } from '../../../../shared/domain/field-work';
import { call, errorMessage } from '../../api';
import { useWorksheetStore } from '../../state/worksheet-store';

type CaptionState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** One attached photo or document: thumbnail, name, size, caption (saved on blur) and removal with a reason. */
export function EvidenceItem({ evidence, locked }: { evidence: Evidence; locked: boolean }) {
  const apply = useWorksheetStore((s) => s.apply);
  const remove = useWorksheetStore((s) => s.remove);
  const id = useId();
  const { t } = useTranslation();
  const [caption, setCaption] = useState(evidence.caption);
  const [captionState, setCaptionState] = useState<CaptionState>({ kind: 'idle' });
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const reasonInput = useRef<HTMLInputElement>(null);

  // The caption typed but not yet saved, so leaving the category (unmount) does not lose it.
  const unsavedCaption = useRef<string | null>(null);
  const saveCaption = async () => {
    const value = unsavedCaption.current;
    unsavedCaption.current = null;
    if (value === null || value.trim() === evidence.caption) return;
    setCaptionState({ kind: 'saving' });
    try {
      const saved = await call('evidence:update', {
        validationId: evidence.validationId,
        evidenceId: evidence.id,
        caption: value,
      });
      apply('evidence', saved);
      setCaptionState({ kind: 'saved' });
    } catch (error) {
      unsavedCaption.current = value;
      setCaptionState({ kind: 'error', message: errorMessage(error) });
    }
  };
  const saveRef = useRef(saveCaption);
  saveRef.current = saveCaption;
  useEffect(() => () => void saveRef.current(), []);

  useEffect(() => {
    if (removing) reasonInput.current?.focus();
  }, [removing]);

  const onRemove = async () => {
    if (reason.trim().length < 3) {
      setRemoveError(t('reports.evidence.item.reasonTooShort'));
      reasonInput.current?.focus();
      return;
    }
    setBusy(true);
    setRemoveError(null);
    try {
      await call('evidence:delete', { validationId: evidence.validationId, evidenceId: evidence.id, reason });
      unsavedCaption.current = null;
      remove('evidence', evidence.id);
    } catch (error) {
      setRemoveError(errorMessage(error));
      setBusy(false);
    }
  };

  const cancelRemove = () => {
    setRemoving(false);
    setReason('');
    setRemoveError(null);
    // Back to where the SCSS started, for keyboard users.
    requestAnimationFrame(() => removeButton.current?.focus());
  };

  const original = `evidence-files/${evidence.sha256}`;
  const extension = extensionOf(evidence.fileName).toUpperCase() || t('reports.evidence.item.file');
  return (
    <li className="evidence-item" data-testid="evidence-item" data-evidence-id={evidence.id}>
      <span className="evidence-item__preview" aria-hidden="true">
        {evidence.hasThumbnail ? (
          <img className="evidence-item__thumb" src={`${original}?thumb`} alt="" />
        ) : (
          <span className="evidence-item__doc">{extension}</span>
        )}
      </span>
      <div className="evidence-item__body">
        <p className="evidence-item__name">
          <a
            href={original}
            download={evidence.fileName}
            title={t('reports.evidence.item.saveCopy', { fileName: evidence.fileName })}
          >
            {evidence.fileName}
          </a>
          {evidence.hasThumbnail && <span className="usa-sr-only">{t('reports.evidence.item.photo')}</span>}
          <span className="evidence-item__meta"> · {formatFileSize(evidence.sizeBytes)}</span>
          {evidence.observedRemotely && (
            <span className="usa-tag evidence-item__remote">{t('reports.evidence.item.observedRemotely')}</span>
          )}
        </p>
        {locked ? (
          evidence.caption && <p className="evidence-item__caption-text">{evidence.caption}</p>
        ) : (
          <div className="evidence-item__caption">
            <label className="usa-sr-only" htmlFor={`${id}-caption`}>
              {t('reports.evidence.item.captionFor', { fileName: evidence.fileName })}
            </label>
            <input
              id={`${id}-caption`}
              className="usa-input evidence-item__caption-input"
              type="text"
              maxLength={2000}
              placeholder={t('reports.evidence.item.captionPlaceholder')}
              value={caption}
              onChange={(e) => {
                setCaption(e.target.value);
                unsavedCaption.current = e.target.value;
                if (captionState.kind !== 'idle') setCaptionState({ kind: 'idle' });
              }}
              onBlur={() => void saveCaption()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void saveCaption();
                }
              }}
            />
            <span className="evidence-item__caption-status" aria-live="polite">
              {captionState.kind === 'saving' && (
                <span className="save-indicator save-indicator--saving">{t('reports.evidence.item.saving')}</span>
              )}
              {captionState.kind === 'saved' && (
                <span className="save-indicator save-indicator--saved">
                  <span aria-hidden="true">✓ </span>
                  {t('reports.evidence.item.captionSaved')}
                </span>
              )}
              {captionState.kind === 'error' && (
                <span className="save-indicator save-indicator--error" role="alert">
                  {t('reports.evidence.item.captionNotSaved', { error: captionState.message })}
                </span>
              )}
            </span>
          </div>
        )}
        {!locked && !removing && (
          <button
            ref={removeButton}
            type="button"
            className="usa-button usa-button--unstyled evidence-item__remove"
            onClick={() => setRemoving(true)}
          >
            {t('reports.evidence.item.remove')}
            <span className="usa-sr-only"> {evidence.fileName}</span>
          </button>
        )}
        {!locked && removing && (
          // Not a <form>: the panel may sit inside the finding's form.
          <div className="evidence-item__remove-form">
            <label className="usa-label" htmlFor={`${id}-reason`}>
              {t('reports.evidence.item.whyRemove', { fileName: evidence.fileName })}
            </label>
            <span className="usa-hint" id={`${id}-reason-hint`}>
              {t('reports.evidence.item.removeHint')}
            </span>
            {removeError && (
              <span className="usa-error-message" id={`${id}-reason-error`} role="alert">
                {removeError}
              </span>
            )}
            <input
              ref={reasonInput}
              id={`${id}-reason`}
              className="usa-input"
              type="text"
              maxLength={500}
              value={reason}
              aria-invalid={removeError ? true : undefined}
              aria-describedby={removeError ? `${id}-reason-hint ${id}-reason-error` : `${id}-reason-hint`}
              onChange={(e) => {
                setReason(e.target.value);
                if (removeError) setRemoveError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void onRemove();
                } else if (e.key === 'Escape') {
                  e.stopPropagation();
                  cancelRemove();
                }
              }}
            />
            <div className="evidence-item__remove-actions">
              <button
                type="button"
                className="usa-button usa-button--secondary"
                disabled={busy}
                onClick={() => void onRemove()}
              >
                {busy ? t('reports.evidence.item.removing') : t('reports.evidence.item.removeEvidence')}
              </button>
              <button type="button" className="usa-button usa-button--unstyled" onClick={cancelRemove}>
                {t('reports.evidence.item.cancel')}
              </button>
            </div>
          </div>
        )}
      </div>
    </li>
  );
}
