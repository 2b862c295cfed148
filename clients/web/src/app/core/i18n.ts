import { registerLocaleData } from '@angular/common';
import localeNl from '@angular/common/locales/nl';
import { DOCUMENT, inject, Injectable, isDevMode, signal, type EnvironmentProviders } from '@angular/core';
import { provideTransloco, TranslocoService, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import en from '../../i18n/en.json';

export type Language = 'en' | 'nl';
export const LANGUAGES: ReadonlyArray<{ code: Language; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
];
const LANGUAGE_KEY = 'tall.language';

// Dates and numbers are formatted in the chosen language (`| date: … : language.current()`):
// Angular ships only en-US's locale data, and any other throws NG0701 when formatted.
registerLocaleData(localeNl);

/** English ships inside the app (the sign-in page shows at once); Dutch is its own chunk, fetched when chosen. */
@Injectable({ providedIn: 'root' })
export class TallTranslationLoader implements TranslocoLoader {
  getTranslation(language: string): Promise<Translation> {
    return language === 'nl' ? import('../../i18n/nl.json').then((module) => module.default as Translation) : Promise.resolve(en as Translation);
  }
}

/** The user's earlier choice, else the browser's language when it is Dutch, else English. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> = localStorage, browser = navigator.language): Language {
  const chosen = storage.getItem(LANGUAGE_KEY);
  if (chosen === 'en' || chosen === 'nl') return chosen;
  return browser.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function provideI18n(): EnvironmentProviders[] {
  return provideTransloco({
    config: {
      availableLangs: LANGUAGES.map((language) => language.code),
      defaultLang: initialLanguage(),
      fallbackLang: 'en',
      reRenderOnLangChange: true,
      prodMode: !isDevMode(),
      missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
    },
    loader: TallTranslationLoader,
  });
}

/** The language the user chose for the interface, remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class UiLanguage {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<Language>(this.transloco.getActiveLang() as Language);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  use(language: Language): void {
    localStorage.setItem(LANGUAGE_KEY, language);
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
    this.current.set(language);
  }
}
