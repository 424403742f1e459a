import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonLabelIn } from '../../../shared/domain/reason-label';
import { isLanguage } from './languages';

/** Names deficiency reasons in the interface's language (default reasons only; an office's own stay as written). */
export function useReasonLabel(): (reason: { code: string; label: string }) => string {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return useCallback((reason) => reasonLabelIn(language, reason), [language]);
}
