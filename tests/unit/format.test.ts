import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatFileSize,
  formatLocalDate,
} from '../../renderer/src/components/format';
import { formatReportDate } from '../../shared/report/format';

describe('dates as people read them', () => {
  it('writes a calendar date as "Mar 1, 2027" on any time zone', () => {
    expect(formatDate('2027-03-01')).toBe('Mar 1, 2027');
    expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
  });

  it('writes a moment with the same date format, its year and its time', () => {
    const noonLocal = new Date(2027, 2, 1, 12, 5).toISOString();
    expect(formatDateTime(noonLocal)).toBe('Mar 1, 2027, 12:05 PM');
    expect(formatLocalDate(noonLocal)).toBe('Mar 1, 2027');
  });

  it('gives reports the same date format as the screens', () => {
    expect(formatReportDate('2027-03-01')).toBe(formatDate('2027-03-01'));
    expect(formatReportDate('2026-09-15')).toBe('Sep 15, 2026');
  });
});

describe('file sizes in decimal units (1 MB = 1,000,000 bytes)', () => {
  it('counts bytes, KB, MB and GB by thousands', () => {
    expect(formatFileSize(0)).toBe('0 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(999)).toBe('999 bytes');
    expect(formatFileSize(1_000)).toBe('1 KB');
    expect(formatFileSize(1_048_576)).toBe('1 MB');
    expect(formatFileSize(25_000_000)).toBe('25 MB');
    expect(formatFileSize(26_214_400)).toBe('26.2 MB');
    expect(formatFileSize(1_500_000_000)).toBe('1.5 GB');
  });

  it('shows more decimals when asked, without trailing zeros', () => {
    expect(formatFileSize(25_019_000, 3)).toBe('25.019 MB');
    expect(formatFileSize(25_000_000, 3)).toBe('25 MB');
  });
});

describe('how far a clock is off', () => {
  it('says it in the largest unit that keeps a whole number of two or more, either way', () => {
    expect(formatDuration(11 * 60_000)).toBe('11 minutes');
    expect(formatDuration(-(90 * 60_000))).toBe('90 minutes');
    expect(formatDuration(3 * 3_600_000 + 20_000)).toBe('3 hours');
    expect(formatDuration(-(47 * 3_600_000))).toBe('47 hours');
    expect(formatDuration(3650 * 86_400_000)).toBe('3,650 days');
  });
});
