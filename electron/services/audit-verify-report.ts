import type { AuditVerification } from './audit-verify';

const stamp = (s: { seq: number; at: string } | null) => (s ? `#${s.seq}, ${s.at}` : 'none');

/** The CLI's printout: what was checked, then "Audit chain intact" or the first break and whom it affects. */
export function describeAuditVerification(v: AuditVerification, storeFile: string): string[] {
  const lines = [
    `Audit log of ${storeFile}`,
    `  Rows checked: ${v.rows.toLocaleString('en-US')}`,
    `  First entry:  ${stamp(v.first)}`,
    `  Last entry:   ${stamp(v.last)}`,
    `  Head hash:    ${v.headHash}`,
  ];
  if (v.comparedWithHead) {
    lines.push(`  Held against: entry #${v.comparedWithHead.seq} with hash ${v.comparedWithHead.hash}`);
  }
  lines.push(`  Checked in ${v.durationMs} ms`);
  if (v.firstBreak === null) return [...lines, 'Audit chain intact'];

  const b = v.firstBreak;
  lines.push(`Audit chain BROKEN at entry #${b.seq}${b.at ? ` (recorded ${b.at})` : ''}: ${b.reason}`);
  if (b.entity) lines.push(`  That entry is about: ${b.entity} ${b.entityId ?? ''}`.trimEnd());
  if (v.breakCount > 1) {
    lines.push(`  ${v.breakCount} broken entries in all:`);
    for (const other of v.breaks) lines.push(`    #${other.seq} ${other.reason}`);
    if (v.breakCount > v.breaks.length) lines.push(`    … and ${v.breakCount - v.breaks.length} more`);
  }
  if (v.affected.wholeStore) {
    lines.push('  Affected validations: all of them (the break cannot be traced to one validation)');
  } else {
    lines.push('  Affected validations:');
    for (const a of v.affectedValidations) {
      const who = a.memberName ? `${a.memberName}, scheduled ${a.scheduledDate}` : 'not on this computer';
      lines.push(`    ${a.id}  ${who}`);
    }
  }
  lines.push('What to do: contact your field office; do not re-enter the data. This check changed nothing.');
  return lines;
}
