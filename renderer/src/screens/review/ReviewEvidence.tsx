import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionOf, formatFileSize } from '../../../../shared/domain/evidence-files';
import type { Evidence } from '../../../../shared/domain/field-work';
import { formatDateTime } from '../../components/format';

/** Where the app serves a stored evidence file (and `?thumb`, its thumbnail), in Electron and in the harness. */
const fileUrl = (evidence: Evidence) => `evidence-files/${evidence.sha256}`;

/** Whether the file itself is on this computer: pulled validations bring their evidence records before the bytes. */
function useFilePresent(evidence: Evidence, when: boolean): boolean | null {
  const [present, setPresent] = useState<boolean | null>(null);
  useEffect(() => {
    if (!when) return;
    let live = true;
    fetch(fileUrl(evidence), { method: 'HEAD' })
      .then((r) => live && setPresent(r.ok))
      .catch(() => live && setPresent(false));
    return () => {
      live = false;
    };
  }, [evidence, when]);
  return present;
}

/** The opened file: the photo at full size, or a document's details with a way to save a copy. */
function EvidenceDialog({ evidence, onClose }: { evidence: Evidence; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const present = useFilePresent(evidence, true);
  const [fullFailed, setFullFailed] = useState(false);
  const isImage = evidence.mediaType.startsWith('image/') && evidence.hasThumbnail;
  const { t } = useTranslation();

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes it; Escape (native) does too
    <dialog
      ref={dialog}
      className="review-evidence-dialog"
      aria-labelledby={headingId}
      data-testid="evidence-dialog"
      // A close queued by an effect's cleanup (StrictMode runs effects twice) arrives after it was shown again.
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <div className="review-evidence-dialog__header">
        <h2 id={headingId} className="review-evidence-dialog__title">
          {evidence.fileName}
        </h2>
        <button type="button" className="usa-button usa-button--outline" onClick={() => dialog.current?.close()}>
          {t('review.evidence.close')}
        </button>
      </div>
      <p className="review-evidence-dialog__meta">
        {t('review.evidence.attached', {
          size: formatFileSize(evidence.sizeBytes),
          when: formatDateTime(evidence.createdAt),
        })}
        {evidence.observedRemotely && t('review.evidence.remote')}
      </p>
      {evidence.caption && <p className="review-evidence-dialog__caption">{evidence.caption}</p>}
      {present === false ? (
        <p className="review-evidence-dialog__missing" data-testid="evidence-missing">
          {t('review.evidence.missing')}
        </p>
      ) : isImage ? (
        <img
          className="review-evidence-dialog__image"
          src={fullFailed ? `${fileUrl(evidence)}?thumb` : fileUrl(evidence)}
          alt={evidence.caption || evidence.fileName}
          onError={() => setFullFailed(true)}
        />
      ) : null}
      <p className="review-evidence-dialog__hash">
        {t('review.evidence.hash')} <code>{evidence.sha256}</code>
      </p>
      {present && (
        <a className="usa-button usa-button--unstyled" href={fileUrl(evidence)} download={evidence.fileName}>
          {t('review.evidence.saveCopy', { file: evidence.fileName })}
        </a>
      )}
    </dialog>
  );
}

function Thumbnail({ evidence, onOpen }: { evidence: Evidence; onOpen: (e: Evidence) => void }) {
  const [thumbFailed, setThumbFailed] = useState(false);
  const { t } = useTranslation();
  const extension = extensionOf(evidence.fileName).toUpperCase() || t('review.evidence.file');
  const showImage = evidence.hasThumbnail && !thumbFailed;
  return (
    <li className="review-evidence__item" data-testid="review-evidence">
      <button
        type="button"
        className="review-evidence__open"
        onClick={() => onOpen(evidence)}
        title={evidence.caption || evidence.fileName}
      >
        <span className="review-evidence__preview" aria-hidden="true">
          {showImage ? (
            <img src={`${fileUrl(evidence)}?thumb`} alt="" onError={() => setThumbFailed(true)} />
          ) : (
            <span className="review-evidence__doc">{extension}</span>
          )}
        </span>
        <span className="review-evidence__name">
          <span className="usa-sr-only">{t('review.evidence.open')}</span>
          {evidence.fileName}
          {evidence.hasThumbnail && <span className="usa-sr-only">{t('review.evidence.photo')}</span>}
        </span>
      </button>
    </li>
  );
}

/** Evidence as a reviewer sees it: thumbnails (or the file type) that open; nothing to change or remove. */
export function ReviewEvidenceList({ evidence, label }: { evidence: Evidence[]; label: string }) {
  const [open, setOpen] = useState<Evidence | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  if (evidence.length === 0) return null;
  return (
    <>
      <ul className="review-evidence" aria-label={label}>
        {evidence.map((e) => (
          <Thumbnail
            key={e.id}
            evidence={e}
            onOpen={(chosen) => {
              opener.current = document.activeElement as HTMLElement | null;
              setOpen(chosen);
            }}
          />
        ))}
      </ul>
      {open && (
        <EvidenceDialog
          evidence={open}
          onClose={() => {
            setOpen(null);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
