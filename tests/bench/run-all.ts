import { benchSaveAnswer, printSaveAnswer } from './save-answer.bench';

// Figures, not pass/fail: budgets are printed beside each measurement.
console.log(
  `CTPAT Validator benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}/${process.arch}\n`,
);
printSaveAnswer(benchSaveAnswer());
