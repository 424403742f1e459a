import type { TFunction } from 'i18next';
import { type VerificationMethod, VerificationMethodSchema } from '../../../../../shared/domain/field-work';
import type { ValidationMode } from '../../../../../shared/domain/validation';

/** Methods only a remote look can use: an in-person worksheet hides them unless the SCSS turned them on. */
const REMOTE_METHODS: ReadonlySet<VerificationMethod> = new Set(['LIVE_VIDEO', 'SCREEN_SHARE']);

/** Each method's key is its place in the full list (1–5), so a key means the same method in every validation. */
export const METHOD_KEYS: Record<VerificationMethod, string> = Object.fromEntries(
  VerificationMethodSchema.options.map((m, i) => [m, String(i + 1)]),
) as Record<VerificationMethod, string>;

export const methodOfKey = (key: string): VerificationMethod | undefined =>
  VerificationMethodSchema.options.find((m) => METHOD_KEYS[m] === key);

/**
 * The methods a criterion offers: all of them in a virtual validation; in person, the remote ones only when the
 * SCSS asked for them or one is already recorded (a recorded choice is never hidden).
 */
export function offeredMethods(
  mode: ValidationMode,
  remoteInPerson: boolean,
  chosen: readonly VerificationMethod[],
): VerificationMethod[] {
  return VerificationMethodSchema.options.filter(
    (m) => mode === 'VIRTUAL' || remoteInPerson || !REMOTE_METHODS.has(m) || chosen.includes(m),
  );
}

/** A method's name in the interface's language. */
export const methodLabel = (t: TFunction, m: VerificationMethod) => t(`domain.method.${m}`);

/** The chosen methods with one toggled, in the list's order. */
export function toggledMethods(
  chosen: readonly VerificationMethod[],
  method: VerificationMethod,
): VerificationMethod[] {
  const next = chosen.includes(method) ? chosen.filter((m) => m !== method) : [...chosen, method];
  return VerificationMethodSchema.options.filter((m) => next.includes(m));
}
