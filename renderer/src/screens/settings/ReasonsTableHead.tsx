import { useTranslation } from 'react-i18next';

/** The deficiency-reasons table's header, the same whether the policy is edited here or only read. */
export function ReasonsTableHead({ removable = false }: { removable?: boolean }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('settings.label')}</th>
        <th scope="col">{t('settings.code')}</th>
        <th scope="col">{t('settings.inUse')}</th>
        {removable && (
          <th scope="col">
            <span className="usa-sr-only">{t('settings.remove')}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
