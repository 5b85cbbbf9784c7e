package io.datatoken.portal.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The portal's texts: resource bundles {@code i18n/portal.properties} (English, the root) and
 * {@code i18n/portal_zh.properties} (Chinese). Every text on screen comes from here through
 * {@code getTranslation(key, params…)}; a text with parameters is a {@link MessageFormat} pattern
 * (write {@code ''} for an apostrophe there). A missing key shows as the key and is logged.
 */
@VaadinServiceEnabled
@VaadinServiceScoped
public class PortalI18n implements I18NProvider {

    static final String BUNDLE = "i18n/portal";
    private static final Logger LOG = Logger.getLogger(PortalI18n.class.getName());
    /** The root bundle is English; never fall back to the JVM's default locale. */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Language.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = Language.of(locale).locale();
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, language, PortalI18n.class.getClassLoader(), NO_DEFAULT_LOCALE)
                    .getString(key);
        } catch (MissingResourceException e) {
            LOG.warning(() -> "no text for '" + key + "' in " + language);
            return key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, language).format(params);
    }
}
