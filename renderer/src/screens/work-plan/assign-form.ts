import { z } from 'zod';
import { type ValidationMode, ValidationModeSchema } from '../../../../shared/domain/validation';
import { message } from '../../../../shared/messages';
import { i18n } from '../../i18n';
import { translateMessage } from '../../i18n/messages';

export type AssignValues = { scssId: string; mode: ValidationMode; targetDate: string };

/** The days a target date may take: from today (the person's) to the latest the main process accepts. */
export type TargetWindow = { today: string; latest: string; dueOn: string };

const isIsoDate = (value: string) => z.iso.date().safeParse(value).success;

/**
 * Why this target date cannot be saved, in the supervisor's language, or null. The window and its words are
 * the main process's own (shared/domain/member-record/assignment.ts), so the field says what saving would.
 */
export function targetDateProblem(value: string, { today, latest, dueOn }: TargetWindow): string | null {
  if (!isIsoDate(value)) return i18n.t('memberRecord.workPlan.assignForm.targetRequired');
  if (value < today) return translateMessage(message('memberRecord.assignTargetPast'));
  if (value > latest) {
    return translateMessage(
      latest === dueOn
        ? message('memberRecord.assignTargetAfterDue', { date: dueOn })
        : message('memberRecord.assignTargetAfterYear', { date: latest }),
    );
  }
  return null;
}

/** The form's rules; messages are worded when checked, so they follow a change of language. */
export const assignFormSchema = (window: TargetWindow) =>
  z.object({
    scssId: z.string().superRefine((value, ctx) => {
      if (!value) ctx.addIssue({ code: 'custom', message: i18n.t('memberRecord.workPlan.assignForm.scssRequired') });
    }),
    mode: ValidationModeSchema,
    targetDate: z.string().superRefine((value, ctx) => {
      const problem = targetDateProblem(value, window);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  });
