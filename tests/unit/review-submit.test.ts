import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/locales/en';
import { es } from '../../renderer/src/i18n/locales/es';
import { groupProblems } from '../../renderer/src/screens/worksheet/review-submit/problem-groups';
import {
  checkSignForm,
  placeRefusal,
  plainRefusalMessage,
} from '../../renderer/src/screens/worksheet/review-submit/sign-form';
import { type CompletenessProblem, CompletenessProblemSchema } from '../../shared/domain/completeness-types';
import { warningKey } from '../../shared/domain/considered-warnings';
import { contract } from '../../shared/ipc/contract';

const warning = (code: CompletenessProblem['code'], criterionId: string | null): CompletenessProblem => ({
  severity: 'warning',
  code,
  message: `${criterionId ?? 'validation'}: ${code}`,
  criterionId,
  category: criterionId ? Number(criterionId.split('.')[0]) : null,
});

describe('groupProblems', () => {
  const warnings = [
    warning('NO_SITES', null),
    warning('NO_VERIFICATION_METHOD', '1.1'),
    warning('VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE', '1.1'),
    warning('NO_VERIFICATION_METHOD', '1.2'),
    warning('NO_VERIFICATION_METHOD', '4.3'),
  ];

  it('makes one group per rule, in the order the rules first appear, keeping worksheet order inside each', () => {
    const groups = groupProblems(warnings);
    expect(groups.map((g) => [g.code, g.problems.length])).toEqual([
      ['NO_SITES', 1],
      ['NO_VERIFICATION_METHOD', 3],
      ['VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE', 1],
    ]);
    expect(groups[1]?.problems.map((p) => p.criterionId)).toEqual(['1.1', '1.2', '4.3']);
  });

  it('counts the considered marks per group and overall, matching a mark by rule and criterion', () => {
    const marks = new Set([
      warningKey({ code: 'NO_VERIFICATION_METHOD', criterionId: '1.2' }),
      warningKey({ code: 'NO_SITES', criterionId: null }),
      // The same criterion under another rule is a different warning.
      warningKey({ code: 'NO_VERIFICATION_METHOD', criterionId: '9.9' }),
    ]);
    const groups = groupProblems(warnings, marks);
    expect(groups.map((g) => g.considered)).toEqual([1, 1, 0]);
  });

  it('has a group heading in words for every rule the completeness check can report, in English and Spanish', () => {
    const english: Record<string, string> = en.worksheet.review.group;
    const spanish: Record<string, string> = es.worksheet.review.group;
    for (const code of CompletenessProblemSchema.shape.code.options) {
      expect(english[code], code).toMatch(/^[A-Z][^_]+$/);
      expect(spanish[code], code).toMatch(/^[A-ZÁÉÍÓÚ][^_]+$/);
      expect(spanish[code], code).not.toBe(english[code]);
    }
  });
});

describe('the signature form', () => {
  const schema = contract['validations:submit'].request;
  const VALIDATION = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

  it('refuses exactly what the submit request schema refuses, in words for each field', () => {
    const names = ['', '  ', 'Jo', ' Jo ', 'Ann', 'Dana M. Ruiz', 'x'.repeat(120), 'x'.repeat(121)];
    for (const signedByName of names) {
      for (const attested of [true, false]) {
        const local = checkSignForm({ signedByName, attested });
        const parsed = schema.safeParse({ validationId: VALIDATION, signedByName, attestation: attested });
        expect(Object.keys(local).length === 0, `${JSON.stringify(signedByName)} ${attested}`).toBe(parsed.success);
      }
    }
    expect(checkSignForm({ signedByName: ' Jo ', attested: false })).toEqual({
      signedByName: 'Type your full name (at least 3 characters) to sign.',
      attestation: 'Confirm that you verified the criteria as recorded.',
    });
  });

  it('places a refusal at the fields it names and keeps anything else out of the fields', () => {
    const placed = placeRefusal(
      [
        { path: 'signedByName', message: 'This text contains a NUL character, which cannot be stored' },
        { path: 'validationId', message: 'Must be a UUID' },
      ],
      { signedByName: 'Dana\u0000Ruiz', attested: true },
    );
    expect(placed.fields).toEqual({
      signedByName: 'This text contains a NUL character, which cannot be stored.',
    });
    expect(placed.other).toEqual([{ path: 'validationId', message: 'Must be a UUID' }]);
    // Where the form knows the rule, its own words win over the schema's.
    expect(
      placeRefusal([{ path: 'signedByName', message: 'Too small' }], { signedByName: '', attested: true }),
    ).toEqual({ fields: { signedByName: 'Type your full name to sign.' }, other: [] });
  });

  it('never shows a channel name or schema path, but keeps a message written for the SCSS', () => {
    const internal = plainRefusalMessage('Invalid validations:submit request: validationId: Must be a UUID');
    expect(internal).not.toMatch(/validations:submit|validationId/);
    expect(internal).toMatch(/nothing was submitted/);
    const written = 'The validation is not complete: 1 problem to fix (1.1 has no result.). Nothing was submitted.';
    expect(plainRefusalMessage(written)).toBe(written);
  });
});
