import type { ChecklistKind } from '../domain/field-work';

export type ChecklistItemDefinition = { key: string; label: string; group?: string; refrigeratedOnly?: boolean };

/** Inspection checklists from the MSC guidance (ctpat-facts §3.1–3.2), recorded item by item. */
export const CHECKLIST_DEFINITIONS: Record<ChecklistKind, { title: string; items: ChecklistItemDefinition[] }> = {
  CONTAINER_7_POINT: {
    title: 'Container / IIT inspection (7-point; 8-point refrigerated)',
    items: [
      { key: 'front-wall', label: 'Front wall' },
      { key: 'left-side', label: 'Left side' },
      { key: 'right-side', label: 'Right side' },
      { key: 'floor', label: 'Floor' },
      { key: 'ceiling-roof', label: 'Ceiling / roof' },
      { key: 'doors', label: 'Inside / outside doors, including locking mechanism' },
      { key: 'undercarriage', label: 'Outside / undercarriage' },
      { key: 'fan-housing', label: 'Fan housing (refrigerated units)', refrigeratedOnly: true },
    ],
  },
  TRACTOR_TRAILER_17_POINT: {
    title: 'Tractor (7) and trailer (10) inspection',
    items: [
      { key: 'tractor-bumper-tires-rims', label: 'Bumper, tires and rims', group: 'Tractor' },
      { key: 'tractor-doors-compartments', label: 'Doors, tool compartments and locks', group: 'Tractor' },
      { key: 'tractor-battery-box', label: 'Battery box', group: 'Tractor' },
      { key: 'tractor-air-breather', label: 'Air breather', group: 'Tractor' },
      { key: 'tractor-fuel-tanks', label: 'Fuel tanks', group: 'Tractor' },
      { key: 'tractor-cab-sleeper', label: 'Interior cab and sleeper', group: 'Tractor' },
      { key: 'tractor-fairing-roof', label: 'Fairing / roof', group: 'Tractor' },
      { key: 'trailer-fifth-wheel', label: 'Fifth-wheel area (natural compartment / skid plate)', group: 'Trailer' },
      { key: 'trailer-exterior', label: 'Exterior front and sides', group: 'Trailer' },
      { key: 'trailer-rear-bumper-doors', label: 'Rear bumper and doors', group: 'Trailer' },
      { key: 'trailer-front-wall', label: 'Front wall', group: 'Trailer' },
      { key: 'trailer-left-side', label: 'Left side', group: 'Trailer' },
      { key: 'trailer-right-side', label: 'Right side', group: 'Trailer' },
      { key: 'trailer-floor', label: 'Floor', group: 'Trailer' },
      { key: 'trailer-ceiling-roof', label: 'Ceiling / roof', group: 'Trailer' },
      { key: 'trailer-doors-locks', label: 'Inside / outside doors and locks', group: 'Trailer' },
      { key: 'trailer-undercarriage', label: 'Outside / undercarriage', group: 'Trailer' },
    ],
  },
  SEAL_VVTT: {
    title: 'Seal verification: View, Verify, Tug, Twist (VVTT)',
    items: [
      { key: 'view', label: 'View the seal and the container locking mechanisms' },
      { key: 'verify', label: 'Verify the seal number against the shipping documents' },
      { key: 'tug', label: 'Tug the seal to make sure it is affixed' },
      { key: 'twist', label: 'Twist and turn the bolt seal to make sure it does not unscrew or separate' },
    ],
  },
};

/** The items that apply to one recorded checklist (the fan housing only on refrigerated units). */
export function checklistItemsFor(kind: ChecklistKind, refrigerated: boolean): ChecklistItemDefinition[] {
  return CHECKLIST_DEFINITIONS[kind].items.filter((item) => !item.refrigeratedOnly || refrigerated);
}
