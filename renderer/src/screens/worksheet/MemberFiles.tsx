import { type ClipboardEvent, type DragEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_EXTENSIONS, formatFileSize } from '../../../../shared/domain/evidence-files';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { pastedFiles, precheckFile, readAsBase64 } from '../evidence/evidence-files';
import { shortSha } from './lifecycle-labels';

export type MemberFile = ResponseOf<'replies:attach'>;
type Source = RequestOf<'replies:attach'>['source'];
type Upload = { key: number; fileName: string; phase: 'reading' | 'saving'; progress: number };

const ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');
let nextKey = 1;

// As for evidence: Electron's native dialog hands the main process the files to read itself; the web harness
// answers evidence:pick with UNAVAILABLE, so the page reads the files.
let transport: Promise<'electron' | 'web-harness'> | undefined;
const whichTransport = () => {
  transport ??= call('app:info', {}).then(
    (info) => info.transport,
    () => 'web-harness' as const,
  );
  return transport;
};

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
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<{ key: number; message: string }[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState(false);
  const [isElectron, setIsElectron] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void whichTransport().then((which) => live && setIsElectron(which === 'electron'));
    return () => {
      live = false;
    };
  }, []);

  const busy = uploads.length > 0;
  useEffect(() => onBusy(busy), [busy, onBusy]);

  const report = (message: string) => setProblems((list) => [...list, { key: nextKey++, message }]);
  const update = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const attachOne = (fileName: string, sizeBytes: number, readSource: (key: number) => Promise<Source>) => {
    const refused = precheckFile(fileName, sizeBytes, maxBytes);
    if (refused) {
      report(refused);
      return;
    }
    const key = nextKey++;
    setUploads((list) => [...list, { key, fileName, phase: 'reading', progress: 0 }]);
    queue.current = queue.current.then(async () => {
      try {
        const source = await readSource(key);
        update(key, { phase: 'saving', progress: 1 });
        const saved = await call('replies:attach', { validationId, findingId, fileName, mediaType: '', source });
        onChange((list) => (list.some((f) => f.sha256 === saved.sha256) ? list : [...list, saved]));
        setAnnouncement(t('worksheetParts.files.attached', { file: saved.fileName, sha: shortSha(saved.sha256) }));
      } catch (error) {
        const message = errorMessage(error);
        report(
          message.includes(fileName)
            ? message
            : t('worksheetParts.files.notAttached', { file: fileName, error: message }),
        );
      } finally {
        setUploads((list) => list.filter((u) => u.key !== key));
      }
    });
  };

  const attachFiles = (picked: File[]) => {
    for (const file of picked) {
      attachOne(file.name, file.size, async (key) => ({
        kind: 'bytes',
        base64: await readAsBase64(file, (progress) => update(key, { progress })),
      }));
    }
  };

  const onInputClick = (event: MouseEvent<HTMLInputElement>) => {
    if (!isElectron) return;
    event.preventDefault();
    void call('evidence:pick', { validationId }).then(
      (picked) => {
        for (const file of picked) {
          attachOne(file.fileName, file.sizeBytes, async () => ({ kind: 'picked', token: file.token }));
        }
      },
      (error: unknown) => report(errorMessage(error)),
    );
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const pasted = pastedFiles(event.clipboardData, new Date());
    if (pasted.length === 0) return; // text pasted into the corrective action
    event.preventDefault();
    attachFiles(pasted);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    attachFiles(Array.from(event.dataTransfer.files));
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop and paste target wraps a labelled file input
    <div
      className={`member-files${dragging ? ' member-files--dragging' : ''}`}
      onPaste={onPaste}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
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
                  setAnnouncement(t('worksheetParts.files.takenOff', { file: file.fileName }));
                }}
              >
                {t('worksheetParts.files.takeOff')}
                <span className="usa-sr-only">{t('worksheetParts.files.takeOffWhich', { file: file.fileName })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploads.length > 0 && (
        <ul
          className="usa-list usa-list--unstyled member-files__uploads"
          aria-label={t('worksheetParts.files.uploads')}
        >
          {uploads.map((u) => (
            <li key={u.key} className="evidence-upload">
              <span>
                {t(u.phase === 'reading' ? 'worksheetParts.files.reading' : 'worksheetParts.files.storing', {
                  file: u.fileName,
                })}
              </span>
              <progress
                className="evidence-upload__bar"
                max={1}
                value={u.phase === 'saving' ? undefined : u.progress}
                aria-label={t('worksheetParts.files.progress', { file: u.fileName })}
              />
            </li>
          ))}
        </ul>
      )}
      <p className="usa-sr-only" role="status">
        {announcement}
      </p>
      {problems.length > 0 && (
        <div className="usa-alert usa-alert--error usa-alert--slim member-files__problems" role="alert">
          <div className="usa-alert__body">
            <ul className="usa-list usa-list--unstyled">
              {problems.map((p) => (
                <li key={p.key} className="usa-alert__text">
                  {p.message}
                </li>
              ))}
            </ul>
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => setProblems([])}>
              {t('worksheetParts.files.dismiss')}
            </button>
          </div>
        </div>
      )}
      <label className="usa-label member-files__input-label" htmlFor={`${id}-input`}>
        {t('worksheetParts.files.attach')}
      </label>
      <span className="usa-hint" id={`${id}-hint`}>
        {t('worksheetParts.files.hint', { size: formatFileSize(maxBytes) })}
      </span>
      <input
        id={`${id}-input`}
        className="usa-file-input member-files__input"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        data-testid="member-file-input"
        onClick={onInputClick}
        onChange={(e) => {
          attachFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </div>
  );
}
