/**
 * The English text of every message the main process, the shared rules and HQ write for a person (issue 14).
 * It is the renderer's `messages` catalog as it is (renderer/src/i18n/locales/en/messages.ts) and the English a
 * message carries as its fallback (`englishText`), so the two cannot differ. `{{value}}` is written as given;
 * `{{value, format}}` through a format of ./index.ts (dates, names of codes); plurals by `count` (_one, _other).
 */
export const messages = {
  /** What the Review and submit screen lists: errors block the submit, warnings do not. */
  completeness: {
    noSites: 'No sites are recorded for this validation.',
    unanswered: '{{id}} has no result.',
    deficientWithoutFinding: '{{id}} is Deficient but has no finding.',
    findingWithoutReason: 'The finding on {{id}} has no deficiency reason.',
    findingWithoutDueDate: 'The finding on {{id}} has no response due date.',
    dueBeforeReport: '{{id}}: {{refusal, messages}}',
    recommendationSaysNothing: 'The Recommendation on {{id}} says nothing: describe what the Member could improve.',
    findingWithoutDescription: 'The finding on {{id}} has no description.',
    mustNotApplicableWithoutJustification: '{{id}} is a Must criterion marked Not applicable without a justification.',
    noVerificationMethod: '{{id}} does not say how it was verified.',
    virtualCompliantWithoutEvidence: '{{id}} is Compliant in a virtual validation with no evidence attached.',
    actionRequiredNotDeficient:
      '{{id}} has an Action required finding but is not marked Deficient: mark it Deficient, make the finding a Recommendation, or remove it.',
    findingNotDeficient: '{{id}} has a finding but is not marked Deficient: remove the finding or change the result.',
    actionRequiredOnShould:
      '{{id}} is a Should criterion: one not in place is a Recommendation, not Action required. Make the finding a Recommendation.',
    recommendationOnResult:
      '{{id}} has a Recommendation but is marked {{result, result}}: a Recommendation goes on a Compliant criterion or a Should criterion found Deficient. Remove it or change the result.',
    recommendationOnDeficientMust:
      '{{id}} is a Must criterion marked Deficient: its finding is Action required (a Recommendation is advice the Member need not answer).',
    checklistMissing: '{{id}} is marked Compliant but no {{kinds, checklistsOr}} is recorded.',
    checklistUnrecorded:
      '{{id}}: the {{checklist, checklist}}{{label, quoted}} has {{missing}} of {{total}} items not recorded ({{items}}).',
    checklistFailed_one:
      "{{id}} is marked Compliant but its {{checklist, checklist}}{{label, quoted}} failed an item ({{items}}). Change the result to Deficient, or write in the failed item's note why {{id}} is still compliant.",
    checklistFailed_other:
      "{{id}} is marked Compliant but its {{checklist, checklist}}{{label, quoted}} failed {{count}} items ({{items}}). Change the result to Deficient, or write in the failed item's note why {{id}} is still compliant.",
    noSession: 'No virtual session is logged: record the platform, the start and end, and the participants.',
    theSession: 'The session',
    numberedSession: 'Session {{n}} ({{platform}})',
    numberedSessionNoPlatform: 'Session {{n}} (no platform)',
    sessionMissing: {
      platform: '{{session, messages}} has no platform recorded.',
      start: '{{session, messages}} has no start recorded.',
      end: '{{session, messages}} has no end recorded.',
      platformStart: '{{session, messages}} has no platform or start recorded.',
      platformEnd: '{{session, messages}} has no platform or end recorded.',
      startEnd: '{{session, messages}} has no start or end recorded.',
      platformStartEnd: '{{session, messages}} has no platform, start or end recorded.',
    },
    noParticipants: 'No participants are recorded in the virtual session log.',
  },
  /** Why a response due date is refused: the Member cannot be asked to answer before the report exists. */
  dueDate: {
    beforeReport:
      'The response due date, {{due, date}}, is before the report date: the Member cannot be asked to answer before the report is issued, and it will be dated {{earliest, date}} at the earliest. Choose {{earliest, date}} or a later date.',
  },
  /** Words the formats of ./index.ts put inside other messages. */
  words: {
    or: ' or ',
    checklistShort: {
      CONTAINER_7_POINT: 'container inspection',
      TRACTOR_TRAILER_17_POINT: 'tractor/trailer inspection',
      SEAL_VVTT: 'VVTT seal check',
    },
    checklistName: {
      CONTAINER_7_POINT: '7-point container inspection',
      CONTAINER_8_POINT: '8-point container inspection',
      TRACTOR_TRAILER_17_POINT: '17-point tractor/trailer inspection',
      SEAL_VVTT: 'VVTT seal check',
    },
  },
};
