import './evidence.css';
import {
  type ClipboardEvent,
  type DragEvent,
  type MouseEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_EXTENSIONS, formatFileSize } from '../../../../shared/domain/evidence-files';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/field-work';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { useWorksheetStore } from '../../state/worksheet-store';
import { EvidenceItem } from './EvidenceItem';
import { pastedFiles, precheckFile, readAsBase64 } from './evidence-files';

type Upload = { key: number; fileName: string; phase: 'reading' | 'saving'; progress: number };
type Problem = { key: number; message: string };
type Source = RequestOf<'evidence:attach'>['source'];

const ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

// Electron has a native dialog whose files the main process reads from disk itself (no base64 round trip);
// the web harness answers UNAVAILABLE and the page reads files with FileReader.
let transport: Promise<'electron' | 'web-harness'> | undefined;
const whichTransport = () => {
  transport ??= call('app:info', {}).then(
    (info) => info.transport,
    () => 'web-harness' as const,
  );
  return transport;
};

let nextKey = 1;

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
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState(false);
  const [isElectron, setIsElectron] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const id = useId();
  const { t } = useTranslation();

  useEffect(() => {
    let live = true;
    void whichTransport().then((t) => live && setIsElectron(t === 'electron'));
    return () => {
      live = false;
    };
  }, []);

  const report = (message: string) => setProblems((list) => [...list, { key: nextKey++, message }]);
  const update = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  /** One file, start to finish; the queue runs them one at a time so big files never pile up in memory. */
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
        setAnnouncement(t('reports.evidence.panel.attached', { fileName: saved.fileName }));
      } catch (error) {
        const message = errorMessage(error);
        report(
          message.includes(fileName) ? message : t('reports.evidence.panel.notAttached', { fileName, error: message }),
        );
      } finally {
        setUploads((list) => list.filter((u) => u.key !== key));
      }
    });
  };

  const attachFiles = (files: File[]) => {
    for (const file of files) {
      attachOne(file.name, file.size, async (key) => ({
        kind: 'bytes',
        base64: await readAsBase64(file, (progress) => update(key, { progress })),
      }));
    }
  };

  const chooseWithNativeDialog = async () => {
    try {
      const picked = await call('evidence:pick', { validationId });
      for (const file of picked) {
        attachOne(file.fileName, file.sizeBytes, async () => ({ kind: 'picked', token: file.token }));
      }
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const onInputClick = (event: MouseEvent<HTMLInputElement>) => {
    if (!isElectron) return;
    event.preventDefault();
    void chooseWithNativeDialog();
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    if (locked) return;
    const files = pastedFiles(event.clipboardData, new Date());
    if (files.length === 0) return; // ordinary text pasted into a caption
    event.preventDefault();
    event.stopPropagation();
    attachFiles(files);
  };

  const onDragOver = (event: DragEvent) => {
    if (locked || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (locked) return;
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    attachFiles(Array.from(event.dataTransfer.files));
  };

  const title = findingId
    ? t('reports.evidence.panel.forFinding')
    : t('reports.evidence.panel.forCriterion', { criterion: criterionId });
  return (
    <section
      className={`evidence-panel${dragging ? ' evidence-panel--dragging' : ''}`}
      aria-labelledby={`${id}-heading`}
      aria-describedby={locked ? undefined : `${id}-paste-hint`}
      tabIndex={locked ? undefined : 0}
      data-testid="evidence-panel"
      onPaste={onPaste}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
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

      {uploads.length > 0 && (
        <ul className="evidence-panel__uploads" aria-label={t('reports.evidence.panel.uploads')}>
          {uploads.map((u) => (
            <li key={u.key} className="evidence-upload" data-testid="evidence-upload">
              <span>
                {u.phase === 'reading'
                  ? t('reports.evidence.panel.reading', { fileName: u.fileName })
                  : t('reports.evidence.panel.attaching', { fileName: u.fileName })}
              </span>
              <progress
                className="evidence-upload__bar"
                max={1}
                value={u.phase === 'saving' ? undefined : u.progress}
                aria-label={t('reports.evidence.panel.progress', { fileName: u.fileName })}
              />
            </li>
          ))}
        </ul>
      )}
      <p className="usa-sr-only" role="status">
        {announcement}
      </p>

      {problems.length > 0 && (
        <div className="usa-alert usa-alert--error usa-alert--slim evidence-panel__problems" role="alert">
          <div className="usa-alert__body">
            <ul className="usa-list usa-list--unstyled">
              {problems.map((p) => (
                <li key={p.key} className="usa-alert__text">
                  {p.message}
                </li>
              ))}
            </ul>
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => setProblems([])}>
              {t('reports.evidence.panel.dismiss')}
            </button>
          </div>
        </div>
      )}

      {!locked && (
        <div className={`usa-form-group evidence-drop${dragging ? ' evidence-drop--active' : ''}`}>
          <label className="usa-label evidence-drop__label" htmlFor={`${id}-files`}>
            {t('reports.evidence.panel.attach')}
          </label>
          <span className="usa-hint evidence-drop__hint" id={`${id}-hint`}>
            {t('reports.evidence.panel.hint', { size: formatFileSize(maxBytes) })}
          </span>
          <input
            id={`${id}-files`}
            className="usa-file-input evidence-drop__input"
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={`${id}-hint`}
            data-testid="evidence-file-input"
            onClick={onInputClick}
            onChange={(e) => {
              attachFiles(Array.from(e.target.files ?? []));
              e.target.value = ''; // the same file can be chosen again
            }}
          />
          <span className="usa-sr-only" id={`${id}-paste-hint`}>
            {t('reports.evidence.panel.pasteHint')}
          </span>
        </div>
      )}
    </section>
  );
}
