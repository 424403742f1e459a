export const app = {
  skipToMain: 'Skip to main content',
  name: 'CTPAT Validator',
  home: 'CTPAT Validator home',
  noValue: 'none',
  clockWrong: {
    heading: 'This computer’s clock looks wrong',
    behindSaved:
      'It says {{now}}, earlier than the newest work saved here ({{newest}}). Set the date and time in the computer’s settings: what you save is dated by this clock in the audit log, in reports and at HQ.',
    aheadOfHq:
      'It says {{now}}, {{difference}} ahead of HQ’s clock at the last sync. Set the date, time and time zone in the computer’s settings: what you save is dated by this clock in the audit log, in reports and at HQ.',
    behindHq:
      'It says {{now}}, {{difference}} behind HQ’s clock at the last sync. Set the date, time and time zone in the computer’s settings: what you save is dated by this clock in the audit log, in reports and at HQ.',
  },
};

export const nav = {
  label: 'Primary',
  members: 'Members',
  newValidation: 'Start a validation',
  workPlan: 'Work plan',
  reviews: 'Reviews',
  reviewsAndApprovals: 'Reviews and approvals',
  responses: 'Member responses',
  reports: 'Reports',
  dashboard: 'Dashboard',
  settings: 'Settings',
};

export const sync = {
  notConnected: 'Not connected to HQ',
  enrolmentUnreadable: 'This computer cannot read its HQ enrolment: enrol it in Settings',
  syncing: 'Syncing…',
  failed: 'Sync failed: {{error}}',
  needsEnrolment: 'HQ no longer accepts this computer: enrol it again in Settings',
  handBackWaiting:
    'HQ has yet to undo its enrolment of {{name}} here; this computer asks again at each sync, then sends its work',
  refused_one: '{{count}} change needs attention',
  refused_other: '{{count}} changes need attention',
  pending_one: '{{count}} change to send',
  pending_other: '{{count}} changes to send',
  lastFailed: 'Last sync failed: {{error}}',
  syncedAt: 'Synced at {{time}}',
  nothingToSend: 'Nothing to send',
  review: 'Review',
  sync: 'Sync',
  phase: {
    push: 'Sending changes',
    evidence: 'Uploading evidence',
    receipts: 'Checking what HQ holds',
    pull: 'Receiving from HQ',
  },
  evidenceProgress: '{{percent}}% of evidence uploaded',
  progress: '{{done}} of {{total}} done',
  tag: {
    syncedAt: 'Synced at {{when}}',
    needsAttentionBecause: 'Needs attention: {{reason}}',
    state: { 'not-synced': 'Not synced', syncing: 'Syncing', synced: 'Synced', 'needs-attention': 'Needs attention' },
    safeToArchive: 'Safe to archive',
    safeToArchiveTitle: 'HQ confirmed the same fingerprint and every evidence file at {{when}}',
  },
};
