import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';

/** An edition for U.S. Exporters, which the bundled catalog does not cover: HQ must publish it before use. */
export const exporterEdition = (id = 'MSC-2021-05') => ({
  ...structuredClone(msc201911Edition),
  id,
  title: 'CTPAT Minimum Security Criteria — Exporters',
  entityTypes: ['EXP'],
  criteria: msc201911Edition.criteria.map(({ entityGuidance: _guidance, ...c }) => ({ ...c, appliesTo: ['EXP'] })),
});
