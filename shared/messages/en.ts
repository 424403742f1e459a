/**
 * The English text of every message the main process, the shared rules and HQ write for a person.
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
      '{{id}}: the {{checklist, checklist}}{{label, quoted}} has {{missing}} of {{total}} items not recorded ({{items, checklistItems}}).',
    checklistFailed_one:
      "{{id}} is marked Compliant but its {{checklist, checklist}}{{label, quoted}} failed an item ({{items, checklistItems}}). Change the result to Deficient, or write in the failed item's note why {{id}} is still compliant.",
    checklistFailed_other:
      "{{id}} is marked Compliant but its {{checklist, checklist}}{{label, quoted}} failed {{count}} items ({{items, checklistItems}}). Change the result to Deficient, or write in the failed item's note why {{id}} is still compliant.",
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
  /**
   * Why a field of a request was refused (zod's issues, turned into field issues by the dispatcher). The generic
   * ones keep zod's own English; a schema's own words are found here by their text (shared/messages/field-issues).
   */
  fields: {
    required: 'Too small: expected string to have >=1 characters',
    tooShort: 'Too small: expected string to have >={{minimum}} characters',
    tooLong: 'Too big: expected string to have <={{maximum}} characters',
    isoDate: 'Use a date in the form YYYY-MM-DD',
    signName: 'Type your full name to sign',
    attestation: 'Confirm the attestation to submit',
    reopenReason: 'Give a reason of at least 10 characters',
    removalReason: 'Say why the evidence is removed',
    enrolmentCode: 'Enter the enrolment code HQ gave you',
    hqAddress: 'Enter HQ’s address, e.g. https://ctpat-hq.cbp.example',
    endBeforeStart: 'The end of the date range is before its start.',
    methodTwice: 'A verification method is listed twice',
    nothingToChange: 'Send at least one field to change',
    textNul: 'This text contains a NUL character, which cannot be stored.',
    textBroken: 'This text contains a broken character (a lone UTF-16 surrogate), which cannot be stored.',
    keyNul: 'This text has a field name that contains a NUL character, which cannot be stored.',
    keyBroken:
      'This text has a field name that contains a broken character (a lone UTF-16 surrogate), which cannot be stored.',
    memberStillNeeds: 'Say what the Member still needs to do or send (at least 10 characters)',
    memberDid: 'Say what the Member did or will do',
    proposeClassification: 'Propose a classification: Action required, Recommendation or No finding',
    oneLine: 'One line of text, no control characters.',
    atMost: 'At most {{max}} characters.',
    platform: 'Name the video platform',
    siteName: 'Give the site a name',
    marking: 'Give the marking every report page carries (e.g. CUI).',
    bestPractice: 'Describe the best practice',
    extension: 'An extension is 30, 60, 90 or 120 days',
    reasonCodesUnique: 'Reason codes must be unique',
    reasonCodeForm: 'Reason codes are UPPER_SNAKE_CASE',
    criterionIdForm: 'Criterion ID looks like 4.17: category 1–12, a dot, a number',
    notesLimit: 'Notes are limited to {{max}} characters',
    returnComment: 'Say what the SCSS must correct or why you do not concur (at least {{min}} characters)',
  },
  /** Refusals of the main process (AppError), by the service that refuses. */
  errors: {
    sentence: '{{reason, messages}}.',
    invalidRequest: 'Invalid {{channel}} request: {{details}}',
    unreadableRequest:
      'The app could not read this request, so nothing was submitted. Reload the window and try again; if it keeps happening, report it.',
    assignment: {
      memberMissing: 'Assignment {{id}} names a Member that is missing.',
      notHere: 'That assignment is not on this computer. Sync with HQ to refresh the list.',
      alreadyStarted: 'This assignment has already been started; open its validation from the Members list.',
      otherPerson:
        'This assignment was given to another SCSS, enrolled on this computer before you. Nothing was started.',
      withdrawn: 'HQ withdrew this assignment: {{name}} gave the work to another SCSS. Nothing was started.',
      startedElsewhere:
        'This assignment was already started on {{at, localDate}} at {{at, time}} on the laptop enrolled as “{{device}}”. Nothing was started here; continue the validation on that laptop.',
    },
    validation: {
      notHere: 'Validation {{id}} does not exist on this computer.',
      locked: 'This validation has been submitted and is locked. Reopen it (with a reason) to make changes.',
      lockedReopen: 'This validation has been submitted and is locked. Reopen it to make changes.',
      memberNotHere: 'That Member company is not on this computer. Refresh the Members list.',
      memberMissing: 'Validation {{id}} names a Member that is missing.',
      noCriteria: 'Catalog {{edition}} has no criteria for {{entityType, entityType}}.',
      notOnComputer: 'That validation is not on this computer; sync to receive it from HQ.',
      anotherPersons:
        'This validation is {{name}}’s: it was started while this computer was enrolled as {{name}}. You can read it here; only {{name}} can change it. Nothing was saved.',
    },
    catalog: {
      notInstalled: 'Catalog edition {{edition}} is not installed on this computer.',
      noEdition:
        'No installed MSC catalog has criteria for {{entityType, entityType}} yet. Sync with HQ to receive a newer catalog.',
    },
    response: {
      notOnWorksheet:
        'Criterion {{criterionId}} is not part of the {{edition}} worksheet for {{entityType, entityType}}.',
      siteNotHere: 'That site is not one of this validation\u2019s sites.',
    },
    findings: {
      criterionNotOnWorksheet: "Criterion {{criterionId}} is not on this validation's worksheet.",
      unknownReason: '"{{reason}}" is not a deficiency reason in Settings.',
      retiredReason:
        '"{{reason}}" is retired in Settings; choose a reason that is in use, or bring it back into use first.',
      nothingToRemove: 'Criterion {{criterionId}} has no finding to remove.',
      siteGone: 'That site is not part of this validation (it may have been removed).',
      siteAlreadyRemoved: 'That site was already removed.',
      observationNotHere: 'That observation is not part of this validation.',
      observationAlreadyRemoved: 'That observation was already removed.',
    },
    evidence: {
      empty: '"{{fileName}}" was not attached: the file is empty.',
      tooLarge: '"{{fileName}}" was not attached: it is {{size, fileSize}}; the limit is {{limit, fileSize}}.',
      tooLargeExact:
        '"{{fileName}}" was not attached: it is {{size, fileSizeExact}}; the limit is {{limit, fileSize}}.',
      notAllowed:
        '"{{fileName}}" was not attached: only photos (JPEG, PNG, WEBP, GIF, HEIC) and documents (PDF, Word .docx, Excel .xlsx, plain text, CSV) can be evidence.',
      mismatch:
        '"{{fileName}}" was not attached: its name ends in .{{extension}} but the file is {{actual, fileType}}. Attach the original file, or correct its name.',
      mismatchUnknown:
        '"{{fileName}}" was not attached: its name ends in .{{extension}} but the file is not {{claimed, fileType}}. Attach the original file, or correct its name.',
      criterionNotOnWorksheet: "Criterion {{criterionId}} is not on this validation's worksheet.",
      findingElsewhere: 'That finding belongs to criterion {{findingCriterion}}, not {{criterionId}}.',
      findingGone: 'That finding is not part of this validation any more.',
      notIntact: '"{{fileName}}" was not attached: its content did not arrive intact. Attach it again.',
      choiceExpired: '"{{fileName}}" was not attached: choose the file again (the choice expired).',
      moved: '"{{fileName}}" was not attached: it is no longer where it was chosen from.',
      notAttached: 'That evidence is not attached to this validation (it may have been removed).',
      noDialog: 'There is no native file dialog here; choose files with the file input.',
    },
    inspection: {
      itemTwice: 'Item "{{item, checklistItems}}" is listed twice in the {{checklist, checklist}}.',
      itemRefrigeratedOnly:
        'Item "{{item, checklistItems}}" applies only to refrigerated containers; this {{checklist, checklist}} is not marked refrigerated.',
      itemNotPart: 'Item "{{item, checklistItems}}" is not part of the {{checklist, checklist}}.',
      missingItems_one: 'The {{checklist, checklist}} is missing item "{{items, checklistItems}}".',
      missingItems_other: 'The {{checklist, checklist}} is missing {{count}} items: {{items, checklistItems}}.',
      itemOrder:
        'Items of the {{checklist, checklist}} must be in checklist order: item {{position}} should be "{{expected, checklistItems}}", not "{{got, checklistItems}}".',
      criterionNotOnWorksheet: "Criterion {{criterionId}} is not on this validation's worksheet ({{edition}}).",
      noChecklist: 'Criterion {{criterionId}} does not call for an inspection checklist.',
      otherChecklist:
        'Criterion {{criterionId}} does not call for a {{kind, checklistKind}}; it calls for: {{kinds, checklistKinds}}.',
      refrigeratedContainersOnly: 'Only container inspections can be marked refrigerated.',
      otherValidation: 'That inspection belongs to another validation.',
      removed: 'That inspection was removed; add a new one to record it again.',
      fixed:
        'That inspection is a {{kind, checklistKind}} under {{criterionId}}; its criterion and kind cannot change.',
      notRecorded: 'That inspection is not recorded on this validation (it may already be removed).',
      inPerson: 'This is an in-person validation; a virtual session log applies only to virtual validations.',
      endBeforeStart: 'The session end is before its start; check the end time.',
      receivedBeforeRequested:
        'Document {{n}} ("{{title}}") is received ({{received, date}}) before it was requested ({{requested, date}}).',
      segmentCriteria_one:
        'Tour segment {{n}} ("{{area}}") names criterion {{criteria}}, not on this validation\'s worksheet.',
      segmentCriteria_other:
        'Tour segment {{n}} ("{{area}}") names criteria {{criteria}}, not on this validation\'s worksheet.',
      sessionElsewhere: 'That session log belongs to another validation.',
    },
    submission: {
      alreadySubmitted: 'This validation was already submitted on {{at, localDate}}.',
      incomplete_one:
        'The validation is not complete: {{count}} problem to fix ({{first, messages}}{{more}}). Nothing was submitted.',
      incomplete_other:
        'The validation is not complete: {{count}} problems to fix ({{first, messages}}{{more}}). Nothing was submitted.',
      notSubmitted: 'Only a submitted validation can be reopened; this one is still open for changes.',
      cannotReopen: 'This validation is {{state, workflowState}}: it can no longer be reopened.',
    },
    review: {
      notInList: 'That validation is not in your review list; sync to receive it from HQ.',
      reviewersOnly: 'Only a field office reviewer or supervisor can record review decisions.',
      otherOffice: 'This validation belongs to another field office.',
      reopened: 'Only a submitted validation can be reviewed; this one was reopened by its SCSS.',
      notInReview:
        'Review decisions are taken while the validation is submitted or in review; it is {{state, workflowState}}.',
      findingNotAtHq: 'That finding is not part of this validation as HQ holds it.',
    },
    workflow: {
      notApproved: 'Only an approved validation, with its report date, can have its report issued.',
      noFingerprint: 'This validation has no content fingerprint to issue its report with; sync first.',
    },
    notEnrolled: {
      reviewDecision:
        'This computer is not enrolled with HQ, so nobody can record a review decision here yet: enrol it in Settings first.',
      memberResponse:
        'This computer is not enrolled with HQ, so nobody can record a Member response here yet: enrol it in Settings first.',
      workflow:
        'This computer is not enrolled with HQ, so nobody can {{event, workflowEvent}} here yet: enrol it in Settings first.',
    },
    memberResponse: {
      onOwnComputer: 'Member responses are recorded by the SCSS who performed the validation, on their own computer.',
      scssOnly: 'Only the SCSS who performed the validation records Member responses.',
      otherScss: 'This validation belongs to another SCSS.',
      notOpen:
        'Member responses are recorded once the report is issued, until the validation closes; it is {{state, workflowState}}.',
      findingNotHere: 'That finding is not part of this validation.',
      receivedInFuture: 'A response cannot have been received after today.',
      receivedBeforeIssue:
        'A response cannot have been received before the report was issued on {{issuedOn, date}}. Choose {{issuedOn, date}} or a later date.',
      attachFirst: 'Attach the Member\u2019s files to this validation before listing them.',
      notHere: 'That Member response is not part of this validation.',
      staysWithFinding: 'A response stays with the finding it answers.',
      assessedNoChange:
        'This response has been assessed and can no longer be changed; record the Member\u2019s next response as a new one.',
      alreadyAssessed: 'This response has already been assessed; record the Member\u2019s next one.',
    },
    settings: {
      policyAtHqSupervisor:
        'HQ sets the deficiency reasons, response days, evidence size limit and report marking: save them with HQ reachable.',
      policyAtHq:
        'HQ sets the deficiency reasons, response days, evidence size limit and report marking for enrolled computers; only a supervisor can change them.',
      reasonInUse: 'Deficiency reason {{codes}} is used by findings; mark it inactive instead of removing it.',
      notEnrolled: 'This computer is not enrolled with HQ: enrol it in Settings first.',
      policyStale:
        "Nothing was saved: HQ's policy changed since this computer last had it (now version {{version}}, set). The form shows HQ's policy now; make your change again.",
      policyStaleBy:
        "Nothing was saved: HQ's policy changed since this computer last had it (now version {{version}}, set by {{by}}). The form shows HQ's policy now; make your change again.",
      hqUnreachable:
        'Nothing was saved: {{detail, messages}} The policy lives at HQ: save again when this computer is online.',
      hqRefusedComputer: 'Nothing was saved: HQ no longer accepts this computer. Enrol it again.',
      hqRefused: 'Nothing was saved: {{detail, messages}}.',
    },
    sync: {
      hqUnreachable: 'HQ at {{url}} could not be reached. Check the address and the network.',
      codeRefused: 'HQ did not accept that enrolment code (it may be mistyped, used or expired).',
      othersWorkWaiting:
        'This computer stays enrolled as {{name}}: it holds work of theirs HQ has not taken yet (changes or files waiting: {{waiting}}), which would reach HQ in the name of {{newName}}. Sync as {{name}} first (and settle any refused change), then enrol {{newName}} again; the same code works until it expires.',
      unreadableOthersWork:
        'This computer is not enrolled, and it holds work by {{name}} that HQ has not taken yet (changes or files waiting: {{waiting}}), which would reach HQ in the name of {{newName}}. Enrol it with a new code for {{name}} to send that work; {{newName}}’s code works until it expires.',
      othersWorkSavedMeanwhile:
        'This computer stays enrolled as {{name}}: work of theirs was saved while it was being enrolled as {{newName}} (changes or files waiting: {{waiting}}), and it would reach HQ in the name of {{newName}}. HQ has already taken {{newName}}’s code and closed this computer’s enrolment as {{name}}, so the work stays here until {{name}} enrols it again with a new code and syncs; then {{newName}} needs a new code too.',
      othersWorkHandBackLater:
        'This computer stays enrolled as {{name}}: work of theirs was saved while it was being enrolled as {{newName}} (changes or files waiting: {{waiting}}), and it would reach HQ in the name of {{newName}}. HQ has already taken {{newName}}’s code and closed this computer’s enrolment as {{name}}, and could not be asked just now to undo that. This computer asks again at each sync: once HQ has undone it, {{name}}’s work goes to HQ and {{newName}}’s code works again until it expires. If the code expires first, {{name}} needs a new code to send the work, and {{newName}} one too.',
      tooManyCodes: 'HQ refused too many enrolment codes from here; try again in {{minutes}} min.',
      hqAnswered: 'HQ answered {{status}}; try again later.',
      notHq:
        'The server at {{url}} answered, but not as CTPAT HQ: check the address. On hotel or guest Wi-Fi, sign in to the network first.',
      notEnrolled: 'This computer is not enrolled with HQ yet: enrol it in Settings.',
      changeRefused: 'Nothing was saved: HQ would not accept this {{entity}} ({{reason}}).',
      changeGone: 'That change is no longer waiting: it may have been sent or dealt with.',
      changeQueued: 'HQ has not refused that change; it is still queued to be sent.',
      fileGone: 'That file is no longer waiting: it may have been sent or dealt with.',
    },
    analytics: {
      notEnrolled: 'This computer is not enrolled with HQ yet: enrol it in Settings to see HQ.',
      hqUnreachable:
        'HQ could not be reached, so its figures cannot be shown now. The figures for this computer work offline.',
      hqRefusedComputer: 'HQ no longer accepts this computer: enrol it again in Settings.',
      hqRefused: 'HQ refused the request: {{detail}}',
      hqBusy: 'HQ could not answer just now; try again in a few minutes.',
    },
    reports: {
      exportRunning: 'Another export is being made; wait for it or cancel it.',
      notMade: '{{what}} could not be made: {{detail}}',
      noneMatch: 'No validation on this computer matches those filters; nothing was saved.',
      copyUnreadable: 'The copy of this validation from HQ cannot be read; sync again before making a report.',
    },
    auditChain: {
      wholeStore:
        'Every validation on this computer is read-only because the audit log was changed outside the app (audit log entry #{{seq}}) in a way that cannot be traced to one validation; the change was not saved. Contact your field office before doing anything else with it; do not re-enter the data here or on another computer.',
      validation:
        'This validation is read-only because its audit log on this computer was changed outside the app (audit log entry #{{seq}}); the change was not saved. Contact your field office before doing anything else with it; do not re-enter the data here or on another computer.',
    },
    internal:
      'Something went wrong on this computer and nothing was saved. Try again; if it keeps happening, report it.',
  },
  /** The local store failed in a way the SCSS can act on (electron/services/store-errors.ts). */
  store: {
    diskFull:
      'This computer’s disk is full, so nothing was saved. Free some disk space (empty the Recycle Bin, move large files elsewhere), then try again.',
    readOnly:
      'CTPAT Validator may not write to its data folder or database (or the drive is read-only or disconnected), so nothing was saved. Check that your account may write to the data folder and the files in it, or start the app with a data folder it can write to (--data-dir or CTPAT_DATA_DIR); then try again.',
    locked:
      'The database is in use by another program, most likely a second copy of CTPAT Validator, so nothing was saved. Close the other copy of CTPAT Validator, then try again.',
    corrupt:
      'The database in the data folder is damaged, so nothing was saved. Do not delete or edit the data folder. Restore it from your latest backup, or contact support with the folder so what it holds can be recovered.',
  },
  /** Why a transition of the review workflow is refused (shared/domain/lifecycle.ts, at HQ and here). */
  lifecycle: {
    notEnrolled: 'This computer is not enrolled with HQ',
    scssOnly: 'Only the SCSS who performed the validation can do this',
    otherScss: 'This validation belongs to another SCSS',
    reviewersOnly: 'Only a field office reviewer or supervisor can do this',
    otherOffice: 'This validation belongs to another field office',
    supervisorsOnly: 'Only a supervisor of the field office can do this',
    ownValidation: 'A supervisor cannot approve or issue a validation they performed',
    returnComment: 'Say what the SCSS must correct (at least {{min}} characters)',
    notConcurred_one:
      '{{count}} finding has no concurring review decision yet; every finding needs one before approval',
    notConcurred_other:
      '{{count}} findings have no concurring review decision yet; every finding needs one before approval',
    notResolved_one: '{{count}} Action Required finding is not resolved (no accepted Member response yet)',
    notResolved_other: '{{count}} Action Required findings are not resolved (no accepted Member response yet)',
    wrongState: '{{event, workflowEventName}} is not possible while the validation is {{state, workflowState}}',
  },
  /** Why HQ refused a change, from the outcome code of its receipt (electron/sync/push-outbox.ts). */
  hqRefusal: {
    stale: 'HQ has a newer version of {{label, messages}}; reload it before editing.',
    staleVersion: 'HQ has a newer version of {{label, messages}} (version {{version}}); reload it before editing.',
    staleReview:
      'HQ has a newer version of {{label, messages}} (version {{version}}: {{decision, reviewDecision}} by {{by}}); reload it before editing.',
    conflict:
      'HQ refused {{label, messages}} because it conflicts with what HQ already holds. Nothing was changed at HQ.',
    conflictSaying:
      'HQ refused {{label, messages}} because it conflicts with what HQ already holds (HQ: {{hq, messages}}). Nothing was changed at HQ.',
    forbidden: 'HQ refused {{label, messages}}: your account may not change it.',
    forbiddenSaying: 'HQ refused {{label, messages}}: your account may not change it (HQ: {{hq, messages}}).',
    invalid: 'HQ could not accept {{label, messages}}: the data was not in the form HQ expects.',
    invalidSaying: 'HQ could not accept {{label, messages}}: {{hq, messages}}.',
    other: 'HQ answered {{outcome}} for {{label, messages}}.',
    label: {
      validation: 'this validation',
      criterion_response: 'this answer',
      site: 'this site',
      finding: 'this finding',
      observation: 'this observation',
      evidence: 'this evidence record',
      inspection_checklist: 'this inspection checklist',
      virtual_session: 'this virtual session log',
      finding_review: 'this review',
      workflow_event: 'this workflow step',
      member_response: 'this Member response',
      START_REVIEW: 'the start of this review',
      RETURN: 'this return for correction',
      APPROVE: 'this approval',
      ISSUE_REPORT: 'this report issue',
      CLOSE: 'this closing',
      findingOn: 'the finding on {{id}}',
      answerTo: '{{id}}',
    },
  },
  /**
   * HQ's own reasons for a refusal (hq/*.ts), as it writes them in a receipt's or an error's English and sends
   * them by key beside it (`told`), so a laptop shows them in its person's language.
   */
  /** The native question when a window closes while changes are still being saved (electron/main/unload-guard.ts). */
  unsavedWork: {
    title: 'Changes still being saved',
    message: 'Some of your changes are still being saved.',
    detail: 'Stay a moment so they are saved. If you close now, the changes not yet saved are lost.',
    stay: 'Stay and let it save',
    closeAnyway: 'Close anyway',
  },
  hqReason: {
    tokenRefused: 'Enrol this device again: its token is missing, unknown or revoked',
    codeRefused: 'This enrolment code is unknown, used or expired',
    codeOfAnotherPerson:
      'This enrolment code is {{name}}’s, and this laptop holds work of another person not yet sent; the code was not used',
    tooManyCodes: 'Too many enrolment codes were refused from this address; try again in {{minutes}} min',
    enrolmentNotUndoable:
      'This enrolment cannot be undone: the code did not enrol this device, has expired, or the device has already sent work',
    tooManyCodesFromLaptop:
      'Too many enrolment codes were refused from this laptop; check the code with HQ and try again in {{minutes}} min',
    badCursor: 'cursor: not one HQ issued; pull again without a cursor to start over',
    validationIdUuid: 'The validation id must be a UUID',
    noSuchValidation: 'HQ holds no such validation',
    outsideScope: 'This validation is outside your scope',
    field: '{{field}}: {{problem, messages}}',
    entityNotTaken: 'entity: HQ takes no changes to "{{entity}}"',
    operationNotTaken: 'operation: a {{entity}} takes {{operations}}, not {{operation}}',
    entityId: 'entityId: must be {{expected}} for this {{entity}}',
    scssOwnsContent: 'Only the SCSS who owns a validation can change its content',
    alreadyAtHq: 'This validation already exists at HQ',
    pushCreateFirst: 'HQ holds no validation {{id}}; push its create change first',
    noValidation: 'HQ holds no validation {{id}}',
    immutable: 'submitted validations are immutable',
    immutableNow: 'submitted validations are immutable: this one is {{state, workflowState}}',
    eventIdHeld: 'HQ already holds a workflow event {{id}}; send the {{operation}} again under a new change id',
    contentDiffers:
      'HQ holds different content for this validation: its fingerprint of what HQ holds is {{held}}…, the signed one is {{signed}}…. Send the changes HQ is missing (or reopen the validation), then submit again',
    submitNotEvent: "kind: SUBMIT travels as the validation's submit change, not as a workflow event",
    withdrawNotEvent: "kind: WITHDRAW travels as the validation's reopen change, not as a workflow event",
    eventNamesSomeoneElse: 'The event names someone other than the enrolled person ({{name}}, {{role, role}})',
    assessmentNamesSomeoneElse:
      'The assessment names someone other than the enrolled person ({{name}}, {{role, role}})',
    reviewNamesSomeoneElse: 'The review names someone other than the enrolled person ({{name}}, {{role, role}})',
    stepTaken: 'HQ already holds workflow event {{id}}; a step is never changed once taken',
    otherValidation: 'This record belongs to another validation',
    staleVersion: 'HQ holds version {{held}}; this edit was made on version {{base}}',
    validationUnreadable: 'HQ cannot read the validation record it holds',
    recordUnreadable: 'HQ cannot read a {{entity}} record it holds for this validation',
    changeIdReused: 'This change id was already used for different content',
    reportDateOnlyApproval: 'reportDate: only an approval names the report date',
    fingerprintOnlyIssue: 'reportSha256: only an issued report carries its fingerprint',
    approvalNeedsReportDate: 'reportDate: an approval names the report date',
    reportDateAfterApproval: 'reportDate: {{reportDate}} is after the approval ({{approvedOn}})',
    reportDateBeforeSubmit: 'reportDate: {{reportDate}} is before the validation was submitted ({{submittedOn}})',
    receivedBeforeIssue: 'receivedOn: {{receivedOn}} is before the report was issued ({{issuedOn}})',
    responseDueOnlyApproval: 'responseDueDate: only an approval fixes the response due date',
    responseDueNotInPolicy:
      "responseDueDate: {{due}} is {{days}} days after the report date; HQ's policy has given the Member {{periods}} days",
    issueNeedsFingerprint: 'reportSha256: an issued report carries its fingerprint',
    reportFingerprintDiffers:
      "The report's fingerprint {{sent}}… does not match the validation, findings, decisions and report date HQ holds ({{held}}…)",
    reportFingerprintNone:
      "The report's fingerprint {{sent}}… does not match the validation, findings, decisions and report date HQ holds (none)",
    responsesScssOnly: 'Only the SCSS who performed the validation records Member responses',
    responsesNotOpen:
      'Member responses are recorded only while the issued report awaits them; this validation is {{state, workflowState}}',
    noSuchFinding: 'HQ holds no such finding on this validation',
    incomplete_one:
      'HQ finds this worksheet incomplete in what it holds: {{count}} problem to fix ({{first, messages}}{{more}}). Reopen the validation, fix it and submit again',
    incomplete_other:
      'HQ finds this worksheet incomplete in what it holds: {{count}} problems to fix ({{first, messages}}{{more}}). Reopen the validation, fix them and submit again',
    unknownEdition:
      'HQ holds no catalog edition {{edition}} (it knows the editions shipped with the app and those it has published)',
    timeAheadOfHq:
      "{{field}}: {{value}} is more than a day after HQ's clock ({{hqNow}}). Check the date and time on this computer, then send it again",
    findingChangedSinceDecision:
      'findingVersion: this decision was made on version {{decided}} of the finding, but the SCSS has changed it since (HQ holds version {{held}}). Read the finding again and decide on it as it is now',
    reviewersOnly: 'Only a field office reviewer or supervisor can review findings',
    reviewNotOpen:
      'Findings are reviewed only while the validation is submitted or in review; this one is {{state, workflowState}}',
    reviewComment: 'comment: say what the SCSS must correct or why you do not concur (at least {{min}} characters)',
    nonConcurProposes: 'proposedClassification: a non-concurrence proposes a classification',
    onlyNonConcurProposes: 'proposedClassification: only a non-concurrence proposes a classification',
    policySupervisorOnly: 'Only a supervisor can change the policy HQ sets for every laptop',
    reasonInUse: 'Deficiency reason {{codes}} is used by findings at HQ; mark it inactive instead of removing it',
    policyStale: "HQ's policy changed since version {{base}}: it is now version {{current}}",
    uploadNeedsSha256: 'Name the file by its SHA-256 in Upload-Metadata (key "sha256")',
    uploadNeedsLength: 'Declare the file size (Upload-Length) when creating the upload',
    fileNeedsSha256: 'Name the file by its SHA-256',
    noSuchAssignment: 'assignmentId: HQ holds no assignment {{id}} of yours',
    assignmentStarted:
      'This assignment was already started on {{at, localDate}} at {{at, time}} on the laptop enrolled as “{{device}}”, and HQ holds that validation. Continue the work on that laptop; HQ takes one validation per assignment',
    assignmentWithdrawn:
      'HQ withdrew this assignment on {{at, localDate}}: {{name}} gave the work to another SCSS, so HQ takes no validation started from it here',
  },
  /** Whose validations the dashboard's figures cover. */
  dashboardScope: {
    computer: 'Your validations on this computer',
    hqOwn: 'Your validations at HQ',
    hqOffice: '{{office}} field office at HQ',
    hqAll: 'Every validation at HQ',
  },
  /** What the sync status line says went wrong (electron/sync): kept as a key with the English, shown in either language. */
  sync: {
    needsEnrolment: 'Enrol this device with HQ before syncing.',
    unreachable: 'Could not reach HQ ({{detail}}).',
    unreachableNoDetail: 'Could not reach HQ.',
    noAnswerWithin: 'HQ did not answer within {{seconds}} s.',
    answeredStatus: 'HQ answered HTTP {{status}}.',
    noReceipts: 'HQ answered {{status}} without a valid list of receipts.',
    notUnderstood: 'HQ answered {{path}} with something this version does not understand.',
    pullNotUnderstood: 'HQ answered the pull with something this version does not understand.',
    policyNotUnderstood: 'HQ answered the policy change with something this version does not understand.',
    cursorStuck: 'HQ said more rows wait but did not move the pull cursor; try again later.',
    tooManyPages: 'HQ kept sending pages after {{pages}}; the rest comes with the next sync.',
    unanswered_one: 'HQ did not answer for {{count}} change; it will be sent again.',
    unanswered_other: 'HQ did not answer for {{count}} changes; they will be sent again.',
    evidenceWaiting_one: '{{count}} evidence file could not reach HQ',
    evidenceWaiting_other: '{{count}} evidence files could not reach HQ',
    reviewEvidenceWaiting_one: '{{count}} evidence file for review could not be fetched from HQ',
    reviewEvidenceWaiting_other: '{{count}} evidence files for review could not be fetched from HQ',
    retrying: '{{reason, clauses}}; trying again at {{at, time}}.',
    /** HQ's own words, as HQ wrote them. */
    hqSaid: '{{text}}',
  },
  /** Changes set aside on this computer (electron/sync/push-outbox.ts), not by HQ's receipt. */
  syncRefusal: {
    keptFailing:
      'HQ failed on this change {{times}} times while it took others (HQ: {{hq}}). It is set aside so the rest can go; send it again once HQ is fixed.',
    wholeRequest: 'HQ refused this change: {{hq}}',
    entityNotTaken: 'This change cannot be sent to HQ: HQ does not take "{{entity}}" records.',
    operationNotTaken:
      'This change cannot be sent to HQ: HQ does not take the operation "{{operation}}" on {{entity}} records.',
    fieldInvalid: 'This change cannot be sent to HQ: {{field}}: {{problem}}.',
  },
  /** An evidence file on its way to HQ (electron/sync/upload-evidence.ts): why it waits or was refused. */
  evidenceUpload: {
    unreachable: 'Could not reach HQ ({{detail}}); "{{fileName}}" will be sent again on the next sync.',
    tokenRefused: "HQ refused this device's token: {{hq}}",
    busy: 'HQ could not take "{{fileName}}" just now (HTTP {{status}}); "{{fileName}}" will be sent again on the next sync.',
    partialGone:
      'HQ no longer had the partial upload of "{{fileName}}"; "{{fileName}}" will be sent again on the next sync.',
    checksum:
      'HQ refused "{{fileName}}": the copy on this laptop does not match its fingerprint (SHA-256), so it may be damaged. Remove this evidence and attach the original file again.',
    refused: 'HQ refused "{{fileName}}" (HTTP {{status}}): {{hq}}.',
    refusedBecause: 'HQ refused "{{fileName}}" (HTTP {{status}}): {{reason, clauses}}.',
    localDamaged:
      '"{{fileName}}" cannot be sent to HQ: its stored copy is damaged in this laptop\'s data folder. Remove this evidence and attach the original file again.',
    localMissing:
      '"{{fileName}}" cannot be sent to HQ: its stored copy is missing in this laptop\'s data folder. Remove this evidence and attach the original file again.',
  },
  /** HQ's refusals of an evidence upload (hq/evidence-upload.ts), read back by the laptop from their English. */
  hqEvidence: {
    notReferenced:
      'No validation of yours at HQ references the evidence file {{sha256}}; sync its evidence record first',
    sizeMismatch: 'The upload declares {{declared}} bytes but the evidence record says {{recorded}} bytes',
    checksum:
      'The bytes received hash to {{actual}}, not {{sha256}}: the file was changed or damaged on the way. HQ kept nothing; upload the file again.',
    noSuchUpload: 'HQ holds no such upload for this device',
    noSuchFile: 'HQ holds no such file for you',
    tokenMissing: 'Enrol this device again: its token is missing',
    tryLater: 'HQ could not handle this request; try again later',
  },
  /** What had to be left out of a report or the findings workbook (electron/services/report), each named. */
  reportWarning: {
    photoMissing: 'Photo left out: "{{fileName}}" is not on this computer (its file is missing).',
    photoNoLibrary: 'Photo left out: "{{fileName}}" (the image library could not be loaded here).',
    photoUnreadable:
      'Photo left out: "{{fileName}}" could not be read as an image here (the file may be damaged, or in a format such as HEIC that cannot be shown).',
    leftOut: 'Left out the validation of {{member}} dated {{date, date}} ({{id}}): {{detail}}.',
    leftOutUnnamed: 'Left out the validation {{id}}: {{detail}}.',
    recordUnreadable: 'its record on this computer cannot be read ({{error}})',
    copyUnreadable: 'its copy from HQ cannot be read; sync again to receive it whole',
    findingsUnread_one:
      '{{count}} finding of the validation of {{member}} dated {{date, date}} ({{id}}) left out: unreadable in HQ’s copy.',
    findingsUnread_other:
      '{{count}} findings of the validation of {{member}} dated {{date, date}} ({{id}}) left out: unreadable in HQ’s copy.',
  },
  /** The app could not open its data folder at start-up (electron/main.ts, the web harness). */
  startup: {
    title: 'CTPAT Validator cannot open its data',
    diskFull:
      'CTPAT Validator cannot open its data folder ({{dir}}): this computer’s disk is full. Free some disk space (empty the Recycle Bin, move large files elsewhere), then try again.',
    readOnly:
      'CTPAT Validator cannot open its data folder ({{dir}}): CTPAT Validator may not write to its data folder or database (or the drive is read-only or disconnected). Check that your account may write to the data folder and the files in it, or start the app with a data folder it can write to (--data-dir or CTPAT_DATA_DIR); then try again.',
    locked:
      'CTPAT Validator cannot open its data folder ({{dir}}): the database is in use by another program, most likely a second copy of CTPAT Validator. Close the other copy of CTPAT Validator, then try again.',
    corrupt:
      'CTPAT Validator cannot open its data folder ({{dir}}): the database in the data folder is damaged. Do not delete or edit the data folder. Restore it from your latest backup, or contact support with the folder so what it holds can be recovered.',
    tooNew:
      'This data folder was written by a newer version of CTPAT Validator (store version {{found}}; this version understands up to {{supported}}). Nothing was changed. Install the latest CTPAT Validator to open it.',
  },
  /** Words the formats of ./index.ts put inside other messages. */
  /** A Member's CTPAT record (shared/domain/member-record): why a change was refused. */
  memberRecord: {
    certifiedTier1: 'A certified Member not yet validated is at Tier 1.',
    needsCertificationDate: 'A certified or validated Member needs its certification date.',
    validatedTier: 'A validated Member is at Tier 2 or Tier 3.',
    needsLastValidation: 'A validated Member needs the date of its last validation.',
    approvedBeforeCertified: 'A validation cannot be approved before the Member was certified.',
    analystReadsOnly: 'An HQ analyst reads Member records but does not change them.',
    applicantNoTier: 'An applicant has no tier.',
    extensionNotAnniversary: 'An extension is for the profile review due on a certification anniversary.',
    extensionPending: 'An extension request for this review is waiting for a decision.',
    extensionGranted: 'An extension was already granted for this review.',
    practicesOnlyTier3: 'Best practices are recorded with Tier 3; Tier 2 meets the criteria.',
    suspendWhich: 'Only a certified or validated Member can be suspended.',
    supervisorOnly: 'Only a supervisor can change a Member’s status, tier, dates or extensions.',
    reinstateWhich: 'Only a suspended Member can be reinstated.',
    certifyWhich: 'Only an applicant can be certified; this Member is already past that.',
    reviewReceiveFirst: 'Record the Member’s review as received before approving or returning it.',
    revalidationNeedsCertification: 'Record the certification date before setting a revalidation date.',
    reviewNeedsCertification: 'Record the certification date first: reviews follow its anniversary.',
    reinstateBeforeTier: 'Reinstate the Member before setting its tier.',
    returnNeedsComments: 'Say what the Member must change when returning its review.',
    certifiedFuture: 'The certification date cannot be in the future.',
    dateFuture: 'The date cannot be in the future.',
    lastBeforeCertified: 'The last validation cannot be before the certification date.',
    lastFuture: 'The last validation date cannot be in the future.',
    historyFirst: 'The record’s history can only be entered first, before any other change is recorded.',
    reinstatedBeforeSuspension: 'The reinstatement cannot be before the suspension.',
    reinstatedFuture: 'The reinstatement date cannot be in the future.',
    removedFuture: 'The removal date cannot be in the future.',
    requestFuture: 'The request date cannot be in the future.',
    revalidationPast: 'The revalidation date cannot be in the past.',
    reviewAlreadyReceived: 'The review is already received: approve it or return it with comments.',
    suspendedFuture: 'The suspension date cannot be in the future.',
    noPendingExtension: 'There is no extension request waiting for a decision for this review.',
    removedNoChanges:
      'This Member was removed from CTPAT: its record takes no further status, review or validation changes.',
    approvedNoExtension: 'This review is already approved: it needs no extension.',
    approvalOnRecord: 'This validation’s approval is already on the Member’s record.',
    reviewAlreadyApproved: 'This year’s profile review is already approved.',
    tier3NeedsPractice: 'Tier 3 needs at least one best practice that meets all five requirements of CBP’s framework.',
    tierNeedsApproval:
      'Tier {{tier}} is set from an approved validation of this Member; that validation is not approved on its record.',
    revalidationForwardOnly: 'A revalidation can only be brought forward: choose a date before {{date, date}}.',
    notAnniversary: '{{date, date}} is not an anniversary of the certification on {{certifiedOn, date}}.',
    removedCannotValidate:
      'This Member was removed from CTPAT and cannot be validated. A removed company applies again as a new applicant.',
    assignRemoved: 'This Member was removed from CTPAT: no validation can be assigned.',
    assignSuspended: 'This Member is suspended: reinstate it before assigning a validation.',
    assignNeedsCertification: 'Record the certification date first: nothing is due to assign until then.',
    assignIsValidation: 'This Member has not been validated yet: assign its first validation, not a revalidation.',
    assignIsRevalidation: 'This Member has been validated before: assign a revalidation.',
    assignTargetPast: 'The target date cannot be in the past.',
    assignTargetAfterDue: 'The target date must be on or before the date the validation is due ({{date, date}}).',
    assignTargetAfterYear: 'This validation is overdue: choose a target date this year, by {{date, date}}.',
    assignNotInOffice:
      '{{name}} is not an SCSS of your field office on this computer. Sync with HQ to refresh the list, then choose again.',
    assignUnknownUser: 'HQ has no user {{userId}}; validations are assigned to an SCSS HQ knows.',
    assignNotScss: '{{name}} is not an SCSS; validations are assigned to an SCSS.',
    assignOtherOffice: '{{name}} works in the {{office}} field office; assign an SCSS of {{ownOffice}}.',
    memberNotHere: 'That Member is not on this computer. Sync with HQ to refresh the list.',
    stale:
      'The Member’s record changed since you opened it (it is at version {{current}}, you saw {{seen}}). Nothing was saved: look at the record as it is now and make the change again if it still applies.',
    refused: 'Nothing was saved: {{reason, messages}}',
    staleAtHq:
      'HQ’s record of this Member changed before your change reached it (HQ is at version {{current}}, your change was made on version {{seen}}). HQ kept its changes, not yours: look at the record as it is now and make your change again if it still applies.',
    otherOffice: 'This Member belongs to the {{office}} field office: only its people change its record.',
    idReused: 'HQ already holds a different change under this change’s id; it was not applied.',
    refusedAtHq: 'HQ refused this change: {{reason}}',
    notSentAgain: 'Not sent again: the record as it is now does not allow it. {{reason, messages}}',
    refusedChangeGone:
      'That change is no longer waiting for a decision (it was sent again or withdrawn, perhaps in another window). The record shows where it stands.',
    notApprovedAtHq:
      'HQ does not hold this validation as approved: its approval reaches the Member’s record once HQ has it.',
    approvedFuture: 'The approval date cannot be in the future.',
    approvalOtherMember:
      'HQ holds this validation as a validation of another Member, not of {{legalName}} ({{accountNumber}}): its approval goes on that Member’s record only.',
    approvalDateDiffers:
      'HQ holds this validation as approved with the report date {{held, date}}, not {{sent, date}}: the approval goes on the record with HQ’s date.',
    approvalMemberUnknown:
      'HQ cannot tell which Member this validation is of (it holds neither a Member id nor an account number for it): its approval cannot go on the record of {{legalName}} ({{accountNumber}}).',
    approvalDateUnknown:
      'HQ holds no report date for this validation’s approval: its approval reaches the Member’s record once HQ has one.',
  },
  words: {
    or: ' or ',
    /** A workflow step inside a sentence: "nobody can approved here yet" (the step's name, lower case). */
    workflowEvent: {
      SUBMIT: 'submitted',
      WITHDRAW: 'withdrawn by the scss',
      START_REVIEW: 'review started',
      RETURN: 'returned for correction',
      APPROVE: 'approved',
      ISSUE_REPORT: 'report issued',
      CLOSE: 'closed',
    },
    /** A review decision's name (REVIEW_DECISION_LABELS). */
    reviewDecision: { CONCUR: 'Concur', NON_CONCUR: 'Non-concur', RETURN_FOR_CORRECTION: 'Return for correction' },
    /** A workflow step's name (WORKFLOW_EVENT_LABELS), at the start of a sentence. */
    workflowEventName: {
      SUBMIT: 'Submitted',
      WITHDRAW: 'Withdrawn by the SCSS',
      START_REVIEW: 'Review started',
      RETURN: 'Returned for correction',
      APPROVE: 'Approved',
      ISSUE_REPORT: 'Report issued',
      CLOSE: 'Closed',
    },
    fileType: {
      JPEG: 'a JPEG photo',
      PNG: 'a PNG image',
      WEBP: 'a WEBP image',
      GIF: 'a GIF image',
      HEIC: 'a HEIC photo',
      PDF: 'a PDF document',
      DOCX: 'a Word document',
      XLSX: 'an Excel workbook',
      TEXT: 'a plain text file',
      CSV: 'a CSV file',
    },
    checklistShort: {
      CONTAINER_7_POINT: 'container inspection',
      TRACTOR_TRAILER_17_POINT: 'tractor/trailer inspection',
      SEAL_VVTT: 'VVTT seal check',
    },
    /** A checklist kind's title (shared/catalog/checklists.ts CHECKLIST_DEFINITIONS). */
    checklistKind: {
      CONTAINER_7_POINT: 'Container / IIT inspection (7-point; 8-point refrigerated)',
      TRACTOR_TRAILER_17_POINT: 'Tractor (7) and trailer (10) inspection',
      SEAL_VVTT: 'Seal verification: View, Verify, Tug, Twist (VVTT)',
    },
    checklistName: {
      CONTAINER_7_POINT: '7-point container inspection',
      CONTAINER_8_POINT: '8-point container inspection',
      TRACTOR_TRAILER_17_POINT: '17-point tractor/trailer inspection',
      SEAL_VVTT: 'VVTT seal check',
    },
  },
};
