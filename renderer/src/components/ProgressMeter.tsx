/** Native <progress> with its numbers in text too, so the count is read aloud and visible without colour. */
export function ProgressMeter({ answered, total, label }: { answered: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <div className="progress-meter">
      <progress className="progress-meter__bar" max={total} value={answered} aria-label={label} />
      <span className="progress-meter__text">
        {answered} of {total} answered ({percent}%)
      </span>
    </div>
  );
}
