package io.datatoken.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import io.datatoken.portal.i18n.Language;
import java.util.Optional;

/**
 * Switches between English and 中文, showing the language it switches to. The choice is kept in
 * the Vaadin session (every later page of the session uses it) and the page is reloaded, so every
 * text is drawn again in the new language.
 */
public class LanguageSwitch extends Button {

    public LanguageSwitch() {
        Language other = current() == Language.ENGLISH ? Language.CHINESE : Language.ENGLISH;
        setText(getTranslation(other.nameKey()));
        setIcon(VaadinIcon.GLOBE.create());
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getElement().setAttribute("lang", other.locale().getLanguage());
        addClickListener(click -> choose(other));
    }

    /** The session's chosen language, if the user chose one. */
    public static Optional<Language> chosen(VaadinSession session) {
        return Optional.ofNullable(session.getAttribute(Language.class));
    }

    private static Language current() {
        UI ui = UI.getCurrent();
        return Language.of(ui == null ? null : ui.getLocale());
    }

    private static void choose(Language language) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Language.class, language);
        session.setLocale(language.locale());
        UI.getCurrent().getPage().reload();
    }
}
