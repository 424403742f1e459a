import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../../shared/domain/evidence-files';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { AttachProblems, UploadList } from '../evidence/AttachProgress';
import { EvidenceFileInput } from '../evidence/EvidenceFileInput';
import { useAttachQueue } from '../evidence/useAttachQueue';
import { shortSha } from './lifecycle-labels';

export type MemberFile = ResponseOf<'replies:attach'>;

/** One file the Member sent: its name (a link to the stored copy), size and shortened SHA-256 fingerprint. */
export function MemberFileName({ file }: { file: MemberFile }) {
  const { t } = useTranslation();
  return (
    <>
      <a
        className="usa-link member-file__name"
        href={`evidence-files/${file.sha256}`}
        download={file.fileName}
        title={t('worksheetParts.files.saveCopy', { file: file.fileName })}
      >
        {file.fileName}
      </a>
      <span className="member-file__meta">
        {t('worksheetParts.files.meta', { size: formatFileSize(file.sizeBytes) })}
        <code className="member-file__sha" title={file.sha256}>
          {shortSha(file.sha256)}
        </code>
        <span className="usa-sr-only">{t('worksheetParts.files.fullFingerprint', { sha: file.sha256 })}</span>
      </span>
    </>
  );
}

/**
 * The Member's files for one response: choose, drop or paste them; each is stored and hashed at once
 * (replies:attach, checked like evidence) and listed with its fingerprint; a file can be taken off the list.
 */
export function MemberFilesField({
  validationId,
  findingId,
  maxBytes,
  files,
  onChange,
  onBusy,
}: {
  validationId: string;
  findingId: string;
  maxBytes: number;
  files: MemberFile[];
  onChange: (update: (files: MemberFile[]) => MemberFile[]) => void;
  /** Whether files are still being read or stored: the response waits for them. */
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const attachment = useAttachQueue({
    validationId,
    maxBytes,
    attach: async (fileName, source) => {
      const saved = await call('replies:attach', { validationId, findingId, fileName, mediaType: '', source });
      onChange((list) => (list.some((f) => f.sha256 === saved.sha256) ? list : [...list, saved]));
      return t('worksheetParts.files.attached', { file: saved.fileName, sha: shortSha(saved.sha256) });
    },
    notAttached: (file, error) => t('worksheetParts.files.notAttached', { file, error }),
  });

  const busy = attachment.uploads.length > 0;
  useEffect(() => onBusy(busy), [busy, onBusy]);

  return (
    <div
      className={`member-files${attachment.dragging ? ' member-files--dragging' : ''}`}
      {...attachment.targetHandlers}
    >
      <span className="usa-label member-files__label" id={`${id}-label`}>
        {t('worksheetParts.common.filesSent')}
      </span>
      {files.length === 0 ? (
        <p className="member-files__empty">{t('worksheetParts.files.empty')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled member-files__list" aria-labelledby={`${id}-label`}>
          {files.map((file) => (
            <li key={file.sha256} className="member-file" data-testid="member-file">
              <MemberFileName file={file} />{' '}
              <button
                type="button"
                className="usa-button usa-button--unstyled member-file__remove"
                onClick={() => {
                  onChange((list) => list.filter((f) => f.sha256 !== file.sha256));
                  attachment.announce(t('worksheetParts.files.takenOff', { file: file.fileName }));
                }}
              >
                {t('worksheetParts.files.takeOff')}
                <span className="usa-sr-only">{t('worksheetParts.files.takeOffWhich', { file: file.fileName })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <UploadList
        uploads={attachment.uploads}
        className="usa-list usa-list--unstyled member-files__uploads"
        label={t('worksheetParts.files.uploads')}
        describe={(u) =>
          t(u.phase === 'reading' ? 'worksheetParts.files.reading' : 'worksheetParts.files.storing', {
            file: u.fileName,
          })
        }
        progressLabel={(u) => t('worksheetParts.files.progress', { file: u.fileName })}
      />
      <p className="usa-sr-only" role="status">
        {attachment.announcement}
      </p>
      <AttachProblems
        problems={attachment.problems}
        className="member-files__problems"
        dismissLabel={t('worksheetParts.files.dismiss')}
        onDismiss={attachment.dismissProblems}
      />
      <EvidenceFileInput
        id={id}
        label={t('worksheetParts.files.attach')}
        hint={t('worksheetParts.files.hint', { size: formatFileSize(maxBytes) })}
        block="member-files-input"
        testId="member-file-input"
        attachment={attachment}
      />
    </div>
  );
}
