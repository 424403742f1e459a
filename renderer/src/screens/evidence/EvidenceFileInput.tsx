import { EVIDENCE_EXTENSIONS } from '../../../../shared/domain/evidence-files';
import type { useAttachQueue } from './useAttachQueue';

const ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * The labelled file input that feeds an attach queue: the kinds the store accepts, several files at once,
 * the native dialog in Electron. `block` names the BEM block of its label, hint and input classes.
 */
export function EvidenceFileInput({
  id,
  label,
  hint,
  block,
  testId,
  attachment,
}: {
  id: string;
  label: string;
  hint: string;
  block: string;
  testId: string;
  attachment: Pick<ReturnType<typeof useAttachQueue>, 'onInputClick' | 'onInputChange'>;
}) {
  return (
    <>
      <label className={`usa-label ${block}__label`} htmlFor={`${id}-input`}>
        {label}
      </label>
      <span className={`usa-hint ${block}__hint`} id={`${id}-hint`}>
        {hint}
      </span>
      <input
        id={`${id}-input`}
        className={`usa-file-input ${block}__input`}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        onClick={attachment.onInputClick}
        onChange={(e) => attachment.onInputChange(e.target)}
      />
    </>
  );
}
