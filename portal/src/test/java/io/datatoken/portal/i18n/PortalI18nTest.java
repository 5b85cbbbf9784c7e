package io.datatoken.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.datatoken.domain.asset.AssetKind;
import io.datatoken.domain.market.JobState;
import io.datatoken.domain.organization.PlatformRole;
import io.datatoken.portal.ui.PortalSection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PortalI18nTest {

    private final PortalI18n i18n = new PortalI18n();

    @Test
    void englishAndChineseHaveTheSameKeys() {
        assertThat(bundle("i18n/portal_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("i18n/portal.properties").stringPropertyNames());
    }

    @Test
    void everySectionRoleKindAndJobStateHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        Stream.of(PortalSection.values()).map(PortalSection::labelKey).forEach(keys::add);
        Stream.of(PlatformRole.values()).map(r -> "role." + r.roleName()).forEach(keys::add);
        Stream.of(AssetKind.values()).map(k -> "kind." + k.name()).forEach(keys::add);
        Stream.of(JobState.values()).map(s -> "job.state." + s.name()).forEach(keys::add);
        Stream.of(Language.values()).map(Language::nameKey).forEach(keys::add);
        Stream.of("asset", "job", "tracer", "verifier", "compute").map(s -> "service." + s).forEach(keys::add);

        for (Properties bundle : List.of(bundle("i18n/portal.properties"), bundle("i18n/portal_zh.properties"))) {
            assertThat(bundle.stringPropertyNames()).containsAll(keys);
        }
    }

    @Test
    void chineseForAnyChineseLocaleEnglishOtherwise() {
        assertThat(i18n.getTranslation("nav.catalog", Locale.SIMPLIFIED_CHINESE)).isEqualTo("资产目录");
        assertThat(i18n.getTranslation("nav.catalog", Locale.forLanguageTag("zh-TW"))).isEqualTo("资产目录");
        assertThat(i18n.getTranslation("nav.catalog", Locale.US)).isEqualTo("Catalog");
        assertThat(i18n.getTranslation("nav.catalog", Locale.FRENCH)).isEqualTo("Catalog");
        assertThat(i18n.getProvidedLocales()).containsExactly(Locale.ENGLISH, Locale.CHINESE);
    }

    @Test
    void formatsParametersAndShowsAMissingKeyAsItself() {
        assertThat(i18n.getTranslation("catalog.limit.range", Locale.ENGLISH, 200)).isEqualTo("A whole number from 1 to 200");
        assertThat(i18n.getTranslation("catalog.count", Locale.ENGLISH, 1)).isEqualTo("One asset");
        assertThat(i18n.getTranslation("catalog.count", Locale.ENGLISH, 1234)).isEqualTo("1,234 assets");
        assertThat(i18n.getTranslation("catalog.count", Locale.CHINESE, 3)).isEqualTo("共 3 项资产");
        assertThat(i18n.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("no.such.key");
    }

    @Test
    void anEndUsersUsesNameTheLastUseWhenThereWasOne() {
        assertThat(i18n.getTranslation("dashboard.my-data.uses", Locale.ENGLISH, 0, "—")).isEqualTo("Not used yet");
        assertThat(i18n.getTranslation("dashboard.my-data.uses", Locale.ENGLISH, 2, "2026-11-23 09:30:00 UTC"))
                .isEqualTo("By 2 jobs, last on 2026-11-23 09:30:00 UTC");
        assertThat(i18n.getTranslation("dashboard.my-data.uses", Locale.CHINESE, 1, "2026-11-23 09:30:00 UTC"))
                .isEqualTo("被 1 个作业使用，最近一次：2026-11-23 09:30:00 UTC");
    }

    @Test
    void englishRoleNamesAreThePlatformsRoleNames() {
        // The header shows them as the README's users table does (and the login browser test expects).
        for (PlatformRole role : PlatformRole.values()) {
            assertThat(i18n.getTranslation("role." + role.roleName(), Locale.ENGLISH)).isEqualTo(role.roleName());
        }
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = PortalI18nTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
