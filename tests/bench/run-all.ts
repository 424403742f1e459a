import { benchAnalyticsHq, printAnalyticsHq } from './analytics-hq.bench';
import { benchAnalyticsLaptop, printAnalyticsLaptop } from './analytics-laptop.bench';
import { benchHqIngest, printHqIngest } from './hq-ingest.bench';
import { benchPushValidations, printPushValidations } from './hq-push-validations.bench';
import { benchReport, printReport } from './report.bench';
import { benchSaveAnswer, printSaveAnswer } from './save-answer.bench';
import { benchAtScale } from './worksheet-scale.bench';

// Figures, not pass/fail: budgets are printed beside each measurement.
console.log(
  `CTPAT Validator benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}/${process.arch}\n`,
);
printSaveAnswer(
  await benchSaveAnswer(2000, 200, true),
  'Save one answer (durable: WAL, synchronous=FULL), a store in use: its WAL already grown',
);
console.log('');
printSaveAnswer(
  await benchSaveAnswer(2000, 200, false),
  'Save one answer, a store just opened: its WAL grows through the run (each fsync also writes the new size)',
);
console.log('');
await benchAtScale();
console.log('');
printHqIngest(await benchHqIngest());
console.log('');
printPushValidations(await benchPushValidations());
console.log('');
printAnalyticsHq(await benchAnalyticsHq());
console.log('');
printAnalyticsLaptop(await benchAnalyticsLaptop());
console.log('');
printReport(await benchReport());
