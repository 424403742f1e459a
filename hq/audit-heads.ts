import type { z } from 'zod';
import type { AuditChainVerdictSchema, PushAuditChainSchema } from '../shared/sync/protocol';
import type { HqDb } from './db/types';

type PushAuditChain = z.infer<typeof PushAuditChainSchema>;
type AuditChainVerdict = z.infer<typeof AuditChainVerdictSchema>;
type HeadRow = { seq: string | number; hash: string };

/**
 * Records the audit-chain head a device pushed and says whether its chain still holds the heads HQ recorded
 * before: the anchor must be one of them (any, so a push whose answer was lost does not look like a break).
 * A break is kept on the device with what was seen; the push's changes are still decided on their own.
 */
export async function recordAuditHead(db: HqDb, deviceId: string, chain: PushAuditChain): Promise<AuditChainVerdict> {
  return db.transaction(async (tx) => {
    const [latest] = await tx.query<HeadRow>(
      'SELECT seq, hash FROM device_audit_heads WHERE device_id = $1 ORDER BY seq DESC, recorded_at DESC LIMIT 1',
      [deviceId],
    );
    const recorded = latest ? { seq: Number(latest.seq), hash: latest.hash } : null;
    const { anchor, head } = chain;
    const [held] =
      anchor?.hash && recorded
        ? await tx.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM device_audit_heads WHERE device_id = $1 AND seq = $2 AND hash = $3',
            [deviceId, anchor.seq, anchor.hash],
          )
        : [];
    const continuous = recorded === null || (held?.n ?? 0) > 0;
    if (!continuous) {
      const detail = anchor
        ? `the laptop’s audit entry #${anchor.seq} ${anchor.hash ? 'no longer has the hash HQ recorded' : 'is gone'}`
        : 'the laptop no longer names a head HQ recorded';
      await tx.query(
        `UPDATE devices SET audit_chain_broken_at = coalesce(audit_chain_broken_at, now()),
           audit_chain_broken_detail = coalesce(audit_chain_broken_detail, $2) WHERE id = $1`,
        [deviceId, detail],
      );
      return { state: 'broken', recorded };
    }
    await tx.query(
      `INSERT INTO device_audit_heads (device_id, seq, hash) VALUES ($1, $2, $3)
       ON CONFLICT (device_id, seq, hash) DO NOTHING`,
      [deviceId, head.seq, head.hash],
    );
    return { state: 'continuous', recorded };
  });
}
