import { useEffect, useState } from 'react';
import { categoryNames } from '../../../../shared/analytics/definitions';
import { reasonLabelIn } from '../../../../shared/domain/reason-label';
import { call } from '../../api';
import { currentLanguage } from '../../i18n';

export type DashboardLabels = {
  /** Category number → name, from the newest catalog edition on this computer. */
  categories: ReadonlyMap<number, string>;
  /** Deficiency reason code → label, from Settings. */
  reasons: ReadonlyMap<string, string>;
  editions: string[];
};

const NONE: DashboardLabels = { categories: new Map(), reasons: new Map(), editions: [] };

/** Names for the numbers and codes the views answer with; figures show with bare numbers until they arrive. */
export function useDashboardLabels(): DashboardLabels {
  const [labels, setLabels] = useState<DashboardLabels>(NONE);
  useEffect(() => {
    let current = true;
    void (async () => {
      const [info, settings] = await Promise.all([call('app:info', {}), call('settings:get', {})]);
      const newest = [...info.catalogEditionIds].sort().at(-1);
      const edition = newest ? await call('catalog:get', { editionId: newest }) : null;
      if (!current) return;
      setLabels({
        categories: edition ? categoryNames(edition) : new Map(),
        reasons: new Map(settings.deficiencyReasons.map((r) => [r.code, reasonLabelIn(currentLanguage(), r)])),
        editions: info.catalogEditionIds,
      });
    })().catch(() => undefined); // labels are a nicety: the figures stand without them
    return () => {
      current = false;
    };
  }, []);
  return labels;
}
