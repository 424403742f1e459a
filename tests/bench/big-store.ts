import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-log';
import { migrate } from '../../db/migrations/index';
import { installCatalogEdition } from '../../db/queries/catalog-editions';
import { DATABASE_FILE_NAME, openAppServices } from '../../electron/services/app-services';
import { worksheetCriteria } from '../../electron/services/catalog-service';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import { parseCatalogEdition } from '../../shared/catalog/load';
import type { CatalogEdition, Criterion } from '../../shared/catalog/schema';
import type { EntityType } from '../../shared/domain/entity-types';
import type { VerificationMethod } from '../../shared/domain/field-work';
import type { ResponseResult, ValidationStatus } from '../../shared/domain/validation';

/** A schema-valid edition that exists only in benchmark stores (ids match ^MSC-\d{4}-\d{2}$). */
export const BENCH_EDITION_ID = 'MSC-2099-01';
export const BENCH_ENTITY_TYPES = ['IMP', 'HC', 'FM'] as const satisfies readonly EntityType[];

/**
 * MSC-2019-11 plus generated criteria so that every entity type it covers has `perEntity` criteria (the upper end
 * of a real worksheet). Generated IDs sit at n.60 and above in categories 1–12, clear of every real ID.
 */
export function buildSyntheticEdition(perEntity = 150): CatalogEdition {
  const base = parseCatalogEdition(msc201911Edition);
  const generated: Criterion[] = [];
  let slot = 0;
  for (const entity of BENCH_ENTITY_TYPES) {
    const missing = perEntity - base.criteria.filter((c) => c.appliesTo.includes(entity)).length;
    for (let i = 0; i < missing; i++, slot++) {
      const category = (slot % 12) + 1;
      const id = `${category}.${60 + Math.floor(slot / 12)}`;
      const level = slot % 3 === 0 ? 'SHOULD' : 'MUST';
      generated.push({
        id,
        category,
        level,
        summary: `Synthetic benchmark criterion ${id} for ${entity}: keeps the worksheet at ${perEntity} criteria.`,
        requirements: [{ key: 'a', level, text: `Benchmark-only requirement ${id}; not part of any CBP document.` }],
        appliesTo: [entity],
        scope: 'SPECIFIC',
        confidence: 'L',
        verified: false,
      });
    }
  }
  return parseCatalogEdition({
    ...base,
    id: BENCH_EDITION_ID,
    title: 'Synthetic 150-criterion edition (benchmarks only)',
    publishedOn: '2099-01-01',
    criteria: [...base.criteria, ...generated],
  });
}

export type BigStoreOptions = {
  members?: number;
  validations?: number;
  /** Response changes still waiting for HQ, taken from the newest validations. */
  outboxResponses?: number;
  seed?: number;
};

export type BigStore = {
  /** The data folder, for openAppServices. */
  dataDir: string;
  /** Wall time of the whole build: store creation, seeding, back to WAL. */
  seedMs: number;
  counts: Record<'members' | 'validations' | 'responses' | 'auditRows' | 'outboxRows', number>;
  fileMb: number;
  /** Deletes the temporary folder (close every connection first). */
  remove: () => void;
};

/** Deterministic PRNG (mulberry32) so every run seeds the same shape. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const hex = (chars: number) => {
    let s = '';
    while (s.length < chars) s += int(0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, chars);
  };
  /** A well-formed v4 UUID from the PRNG (same shape as randomUUID, but repeatable). */
  const uuid = () => {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return { next, int, pick, hex, uuid };
}

// Same canonical form as db/audit-log.ts (not exported there); checked against appendAudit before seeding.
function auditHash(prevHash: string, row: readonly [string, string, string, string, string, string | null, string]) {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...row]))
    .digest('hex');
}

function assertAuditHashMatchesApp(): void {
  const db = new Database(':memory:');
  try {
    migrate(db);
    const row = ['2026-01-01T00:00:00.000Z', 'a', 'b', 'c', 'd', null, '{"x":1}'] as const;
    const hash = appendAudit(db, {
      at: row[0],
      actor: row[1],
      action: row[2],
      entity: row[3],
      entityId: row[4],
      before: null,
      after: { x: 1 },
    });
    if (hash !== auditHash('0'.repeat(64), row)) {
      throw new Error('tests/bench/big-store.ts: the audit hash no longer matches db/audit-log.ts; update auditHash');
    }
  } finally {
    db.close();
  }
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = 4 * 365 + 1; // 2023-01-01 .. 2026-12-31
const NOTES = [
  'Reviewed the written procedure and the sign-off sheet for the last quarter.',
  'Walked the dock with the warehouse supervisor; seals logged and verified against the bill of lading.',
  'Policy exists but the annual review date has lapsed; the Member says an update is in draft.',
  'Interviewed two employees at the gate; both described the escalation path correctly.',
  'Screen share of the access-control software showed badges deactivated within 24 hours of termination.',
  '',
  'Checked the risk assessment: covers all international routes, last updated this year, signed by the CFO.',
];
const METHODS: VerificationMethod[] = ['OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED', 'INTERVIEW', 'LIVE_VIDEO'];

/**
 * A store at a busy office's scale: 500 Members (IMP, HC, FM), 5,000 validations scheduled over four years
 * (10% DRAFT, 25% IN_PROGRESS, 65% SUBMITTED), all pinned to the 150-criterion synthetic edition with one response
 * row per criterion (750,000): submitted ones fully answered, in-progress ones about 60%, drafts notes only. Every
 * change has its hash-chained audit row (a valid chain), and the newest ~150,000 changes wait in the sync outbox.
 * Rows are written by direct SQL in one transaction with the journal off; afterwards the file is back in WAL mode
 * and the app opens it like any other data folder (its indexes, including later migrations', are all in place).
 */
export function buildBigStore(options: BigStoreOptions = {}): BigStore {
  const memberCount = options.members ?? 500;
  const validationCount = options.validations ?? 5000;
  const outboxResponses = options.outboxResponses ?? 150_000;
  const rnd = prng(options.seed ?? 20_261_123);
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctpat-bench-big-'));
  const dataDir = path.join(dir, 'app');
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    assertAuditHashMatchesApp();
    const edition = buildSyntheticEdition();

    // The app creates the store (migrations, bundled catalog, demo Members) exactly as on first run.
    const services = openAppServices({ dataDir, actor: 'bench.scss' });
    installCatalogEdition(services.ctx.db, edition, new Date().toISOString());
    services.close();

    const db = new Database(file);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1048576');
    db.pragma('foreign_keys = ON');
    const counts = { members: 0, validations: 0, responses: 0, auditRows: 0, outboxRows: 0 };
    const insertMember = db.prepare(
      `INSERT INTO members (id, legal_name, account_number, entity_type, city, country, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertValidation = db.prepare(
      `INSERT INTO validations (id, member_id, entity_type, mode, catalog_edition_id, status, scheduled_date,
         created_at, updated_at, submitted_at, created_by, submitted_by, signed_by_name, content_sha256)
       VALUES (@id, @memberId, @entityType, @mode, @catalogEditionId, @status, @scheduledDate,
         @createdAt, @updatedAt, @submittedAt, 'bench.scss', @submittedBy, @signedByName, @contentSha256)`,
    );
    const insertResponse = db.prepare(
      `INSERT INTO criterion_responses (validation_id, criterion_id, result, notes, site_id, verification_methods,
         na_justification, version, updated_at, updated_by) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 'bench.scss')`,
    );
    const insertAudit = db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOutbox = db.prepare(
      `INSERT INTO sync_outbox (change_id, entity, entity_id, operation, payload_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    let prevHash = (db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() ??
      '0'.repeat(64)) as string;
    const audit = (at: string, action: string, entity: string, entityId: string, afterJson: string) => {
      const row = [at, 'bench.scss', action, entity, entityId, null, afterJson] as const;
      const hash = auditHash(prevHash, row);
      insertAudit.run(...row, prevHash, hash);
      prevHash = hash;
      counts.auditRows++;
    };
    const criteriaFor = new Map(BENCH_ENTITY_TYPES.map((e) => [e, worksheetCriteria(edition, e)] as const));

    db.transaction(() => {
      const members = Array.from({ length: memberCount }, (_, i) => {
        const entityType: EntityType = i % 4 === 0 ? 'HC' : i % 4 === 1 ? 'FM' : 'IMP';
        const member = {
          id: rnd.uuid(),
          legalName: `Bench Member ${String(i).padStart(4, '0')} ${entityType} Holdings`,
          accountNumber: `BENCH-${entityType}-${i}`,
          entityType,
          city: 'Laredo, TX',
          country: 'United States',
          createdAt: '2022-12-01T12:00:00.000Z',
        };
        insertMember.run(
          member.id,
          member.legalName,
          member.accountNumber,
          member.entityType,
          member.city,
          member.country,
          member.createdAt,
        );
        audit(member.createdAt, 'member.create', 'member', member.id, JSON.stringify(member));
        counts.members++;
        return member;
      });

      const validations = Array.from({ length: validationCount }, (_, i) => {
        const member = members[i % members.length];
        if (!member) throw new Error('no members');
        const scheduledMs = FIRST_DAY + rnd.int(DAYS) * DAY_MS;
        const createdMs = scheduledMs - (1 + rnd.int(30)) * DAY_MS + rnd.int(DAY_MS);
        const roll = rnd.next();
        const status: ValidationStatus = roll < 0.1 ? 'DRAFT' : roll < 0.35 ? 'IN_PROGRESS' : 'SUBMITTED';
        const submittedAt =
          status === 'SUBMITTED' ? new Date(scheduledMs + (1 + rnd.int(10)) * DAY_MS).toISOString() : null;
        return {
          id: rnd.uuid(),
          memberId: member.id,
          entityType: member.entityType,
          mode: rnd.next() < 0.7 ? 'IN_PERSON' : 'VIRTUAL',
          catalogEditionId: BENCH_EDITION_ID,
          status,
          scheduledDate: new Date(scheduledMs).toISOString().slice(0, 10),
          createdMs,
          createdAt: new Date(createdMs).toISOString(),
          updatedAt: submittedAt ?? new Date(createdMs + 3 * DAY_MS).toISOString(),
          submittedAt,
          submittedBy: submittedAt && 'bench.scss',
          signedByName: submittedAt && 'Bench SCSS',
          contentSha256: submittedAt && rnd.hex(64),
        };
      }).sort((a, b) => a.createdMs - b.createdMs);

      const outboxFrom = validations.length - Math.ceil(outboxResponses / 150);
      validations.forEach((v, index) => {
        const { createdMs, ...row } = v;
        insertValidation.run(row);
        audit(v.createdAt, 'validation.create', 'validation', v.id, JSON.stringify(row));
        counts.validations++;
        const pending = index >= outboxFrom;
        if (pending) {
          insertOutbox.run(randomUUID(), 'validation', v.id, 'create', JSON.stringify(row), v.createdAt);
          counts.outboxRows++;
        }
        const criteria = criteriaFor.get(v.entityType) ?? [];
        criteria.forEach((criterion, n) => {
          const answered = v.status === 'SUBMITTED' || (v.status === 'IN_PROGRESS' && rnd.next() < 0.6);
          const roll = rnd.next();
          const result: ResponseResult | null = !answered
            ? null
            : roll < 0.8
              ? 'COMPLIANT'
              : roll < 0.88
                ? 'DEFICIENT'
                : roll < 0.96
                  ? 'NOT_APPLICABLE'
                  : 'NOT_VERIFIED';
          const methods = result === null || result === 'NOT_APPLICABLE' ? [] : [rnd.pick(METHODS)];
          if (methods.length && rnd.next() < 0.4) methods.push('DOCUMENT_REVIEWED');
          const response = {
            validationId: v.id,
            criterionId: criterion.id,
            result,
            notes: rnd.pick(NOTES),
            siteId: null,
            verificationMethods: [...new Set(methods)],
            naJustification: result === 'NOT_APPLICABLE' ? 'The Member does not perform this activity.' : '',
            version: 1 + rnd.int(2),
            updatedAt: new Date(createdMs + DAY_MS + n * 60_000).toISOString(),
            updatedBy: 'bench.scss',
          };
          insertResponse.run(
            v.id,
            criterion.id,
            result,
            response.notes,
            JSON.stringify(response.verificationMethods),
            response.naJustification,
            response.version,
            response.updatedAt,
          );
          counts.responses++;
          const entityId = `${v.id}/${criterion.id}`;
          const json = JSON.stringify(response);
          audit(response.updatedAt, 'response.save', 'criterion_response', entityId, json);
          if (pending) {
            insertOutbox.run(randomUUID(), 'criterion_response', entityId, 'upsert', json, response.updatedAt);
            counts.outboxRows++;
          }
        });
        if (v.submittedAt) audit(v.submittedAt, 'validation.submit', 'validation', v.id, JSON.stringify(row));
      });
      // The service keeps this count on each save; seeding writes answers directly, so count once here.
      db.exec(`UPDATE validations SET answered_count = (
        SELECT count(*) FROM criterion_responses r WHERE r.validation_id = validations.id AND r.result IS NOT NULL)`);
    })();
    db.pragma('journal_mode = WAL');
    db.close();

    return {
      dataDir,
      seedMs: performance.now() - started,
      counts,
      fileMb: statSync(file).size / 1024 / 1024,
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
