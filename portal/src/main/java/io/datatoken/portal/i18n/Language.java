package io.datatoken.portal.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The languages of the portal: English and Chinese (the seeds' institutions are Chinese). */
public enum Language {
    ENGLISH(Locale.ENGLISH),
    CHINESE(Locale.CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Translation key of the language's own name ({@code English}, {@code 中文}). */
    public String nameKey() {
        return "language." + locale.getLanguage();
    }

    /** The portal language for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static Language of(Locale locale) {
        return locale != null && CHINESE.locale.getLanguage().equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    static List<Locale> locales() {
        return Arrays.stream(values()).map(Language::locale).toList();
    }
}
