import { FULLY_SUPPORTED_LANGUAGES } from '../../lib/language-support.ts';
import type { Analysis } from '../../lib/types.ts';
import { languageName, type Translate, type UiLanguage } from '../i18n.ts';

/**
 * Says plainly why names (and speakers) are missing on a page in a language Kontext has no model for,
 * and that its quotes are only the unambiguous ones, instead of leaving the reader to guess.
 * Renders nothing where the language has full support.
 */
export function LanguageNotice({
  analysis,
  lang,
  t,
}: {
  analysis: Pick<Analysis, 'lang' | 'support'>;
  lang: UiLanguage;
  t: Translate;
}) {
  const { support } = analysis;
  if (support.names === 'full' && support.speakers === 'full' && support.quotes === 'full') return null;
  const languages = new Intl.ListFormat(lang, { type: 'conjunction' }).format(
    FULLY_SUPPORTED_LANGUAGES.map((code) => languageName(code, lang)),
  );
  const known = analysis.lang !== 'und' && analysis.lang !== '';
  return (
    <p class="notice" data-testid="language-notice" role="note">
      {known
        ? t('languageNotice', { languages, language: languageName(analysis.lang, lang) })
        : t('languageNoticeUnknown', { languages })}
      {support.quotes === 'partial' && <> {t('quotesNotice')}</>}
    </p>
  );
}
