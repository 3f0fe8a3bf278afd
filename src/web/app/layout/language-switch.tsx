/** English / 中文, in the header; the choice is remembered (app/browser-language.ts). */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../lib/i18n/languages.ts';
import { useLanguage } from '../../lib/i18n/use-language.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const options: { value: Language; label: string }[] = [
    { value: 'en', label: t('language.en') },
    { value: 'zh-CN', label: t('language.zhCN') },
  ];
  return (
    <Segmented
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={language}
      options={options}
      onChange={(value) => {
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
    />
  );
}
