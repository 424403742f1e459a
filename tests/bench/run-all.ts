import { benchAnalyticsHq, printAnalyticsHq } from './analytics-hq.bench';
import { benchAnalyticsLaptop, printAnalyticsLaptop } from './analytics-laptop.bench';
import { benchHqIngest, printHqIngest } from './hq-ingest.bench';
import { benchPushValidations, printPushValidations } from './hq-push-validations.bench';
import { benchReport, printReport } from './report.bench';
import { benchSaveAnswer, printSaveAnswer } from './save-answer.bench';
import { benchAtScale } from './worksheet-scale.bench';

// Figures, not pass/fail: budgets are printed beside each measurement. A bench that cannot finish is another
// matter: it is named where it failed, the others still run, and the run ends with a failure.
const failed: string[] = [];

async function bench(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failed.push(name);
    console.error(`\nBENCH FAILED: ${name}: it could not finish, so it has no figures.`);
    console.error(error);
  }
  console.log('');
}

console.log(
  `CTPAT Validator benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}/${process.arch}\n`,
);
await bench('save one answer, a store in use', async () =>
  printSaveAnswer(
    await benchSaveAnswer(2000, 200, true),
    'Save one answer (durable: WAL, synchronous=FULL), a store in use: its WAL already grown',
  ),
);
await bench('save one answer, a store just opened', async () =>
  printSaveAnswer(
    await benchSaveAnswer(2000, 200, false),
    'Save one answer, a store just opened: its WAL grows through the run (each fsync also writes the new size)',
  ),
);
await bench('worksheet and list at 5,000 validations', benchAtScale);
await bench('HQ ingest', async () => printHqIngest(await benchHqIngest()));
await bench('HQ push of whole validations', async () => printPushValidations(await benchPushValidations()));
await bench('HQ analytics', async () => printAnalyticsHq(await benchAnalyticsHq()));
await bench('laptop analytics', async () => printAnalyticsLaptop(await benchAnalyticsLaptop()));
await bench('validation report', async () => printReport(await benchReport()));

if (failed.length) {
  console.error(`${failed.length} benchmark(s) failed: ${failed.join('; ')}`);
  process.exitCode = 1;
}
