import type { Problem, Upload } from './useAttachQueue';

/** The files being read or stored, each with its progress (indeterminate while the store writes it). */
export function UploadList({
  uploads,
  className,
  label,
  describe,
  progressLabel,
  testId,
}: {
  uploads: Upload[];
  className: string;
  label: string;
  describe: (upload: Upload) => string;
  progressLabel: (upload: Upload) => string;
  testId?: string;
}) {
  if (uploads.length === 0) return null;
  return (
    <ul className={className} aria-label={label}>
      {uploads.map((u) => (
        <li key={u.key} className="evidence-upload" data-testid={testId}>
          <span>{describe(u)}</span>
          <progress
            className="evidence-upload__bar"
            max={1}
            value={u.phase === 'saving' ? undefined : u.progress}
            aria-label={progressLabel(u)}
          />
        </li>
      ))}
    </ul>
  );
}

/** The files that could not be attached, each by name and why, until the person dismisses them. */
export function AttachProblems({
  problems,
  className,
  dismissLabel,
  onDismiss,
}: {
  problems: Problem[];
  className: string;
  dismissLabel: string;
  onDismiss: () => void;
}) {
  if (problems.length === 0) return null;
  return (
    <div className={`usa-alert usa-alert--error usa-alert--slim ${className}`} role="alert">
      <div className="usa-alert__body">
        <ul className="usa-list usa-list--unstyled">
          {problems.map((p) => (
            <li key={p.key} className="usa-alert__text">
              {p.message}
            </li>
          ))}
        </ul>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onDismiss}>
          {dismissLabel}
        </button>
      </div>
    </div>
  );
}
