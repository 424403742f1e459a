import { stringify } from 'csv-stringify/sync';
import { filterWorkPlan, type WorkPlanRow } from '../../../shared/domain/member-record/work-plan';
import { neutralize } from '../../../shared/report/csv';
import { sendRefusedMemberChangeAgain, withdrawRefusedMemberChange } from '../../services/member-record-refusals';
import { changeMemberRecord, getMemberRecord, getWorkPlan } from '../../services/member-record-service';
import { getOfficePeople } from '../../services/office-people-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';
import { deliver } from './deliver-file';
import type { ReportHost } from './reports';

type MemberRecordChannel =
  | 'members:record'
  | 'members:change'
  | 'members:sendagain'
  | 'members:dontsend'
  | 'workplan:get'
  | 'workplan:csv'
  | 'people:office';

const COLUMNS: (keyof WorkPlanRow)[] = [
  'dueOn',
  'kind',
  'state',
  'legalName',
  'accountNumber',
  'entityType',
  'assignee',
  'validationId',
];

/** The plan as CSV: stable codes and ISO dates a spreadsheet sorts; typed names cannot start a formula. */
const workPlanCsv = (rows: readonly WorkPlanRow[]): string =>
  stringify(
    rows.map((r) => COLUMNS.map((c) => (typeof r[c] === 'string' ? neutralize(r[c] as string) : (r[c] ?? '')))),
    { header: true, columns: COLUMNS, bom: true, record_delimiter: 'windows' },
  );

export function memberRecordHandlers(
  ctx: ServiceContext,
  host: Pick<ReportHost, 'showSaveDialog'>,
): HandlersFor<MemberRecordChannel> {
  return {
    'members:record': (req) => getMemberRecord(ctx, req.memberId),
    'members:change': (req) => changeMemberRecord(ctx, req),
    'members:sendagain': (req) => sendRefusedMemberChangeAgain(ctx, req.changeId),
    'members:dontsend': (req) => withdrawRefusedMemberChange(ctx, req.changeId, req.reason),
    'workplan:get': (req) => getWorkPlan(ctx, req.year),
    'people:office': () => getOfficePeople(ctx),
    'workplan:csv': (req) => {
      const plan = getWorkPlan(ctx, req.year);
      const rows = filterWorkPlan(plan.rows, req.filters);
      return deliver(
        host,
        {
          bytes: new TextEncoder().encode(workPlanCsv(rows)),
          fileName: `work-plan-${req.year}.csv`,
          mediaType: 'text/csv',
          warnings: [],
        },
        'CSV',
      );
    },
  };
}
