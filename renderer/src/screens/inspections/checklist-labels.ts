import type { ChecklistKind } from '../../../../shared/domain/field-work';

/** What the SCSS types to tell one inspection from another under the same criterion. */
export const LABEL_FIELD_NAMES: Record<ChecklistKind, string> = {
  CONTAINER_7_POINT: 'Container or IIT number',
  TRACTOR_TRAILER_17_POINT: 'Tractor and trailer numbers',
  SEAL_VVTT: 'Seal number',
};

export const LABEL_EXAMPLES: Record<ChecklistKind, string> = {
  CONTAINER_7_POINT: 'For example, MSKU 123456-7',
  TRACTOR_TRAILER_17_POINT: 'For example, Tractor 42 / trailer 881',
  SEAL_VVTT: 'For example, CBP-0042117',
};

/** Names for the "add" choice: "Container inspection (7-point; 8-point refrigerated)". */
export const KIND_CHOICE_LABELS: Record<ChecklistKind, string> = {
  CONTAINER_7_POINT: 'Container / IIT inspection (7-point; 8-point refrigerated)',
  TRACTOR_TRAILER_17_POINT: 'Tractor (7) and trailer (10) inspection',
  SEAL_VVTT: 'Seal check: View, Verify, Tug, Twist (VVTT)',
};
