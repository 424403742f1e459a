/**
 * The criteria answered Deficient, few among all responses: a Recommendation counts as a deficiency only on one of
 * them, so every view looks each up. Probing the index of every assessed response (millions of rows) cost about
 * 7 µs a finding at 5 million responses; this small one stays in memory.
 */
export const migration013 = {
  version: 13,
  name: 'deficient-responses',
  sql: `
CREATE INDEX records_analytics_deficient ON records (validation_id, criterion_id)
  WHERE entity = 'criterion_response' AND result = 'DEFICIENT';
`,
};
