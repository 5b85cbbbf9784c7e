package io.datatoken.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform's configuration keys as docs/configuration.md names them, in their environment form (a
 * server.xml variable db.host is DB_HOST, a MicroProfile key datatoken.ipfs.url is DATATOKEN_IPFS_URL).
 */
final class ConfigurationKeys {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PLATFORM = Pattern.compile("(DATATOKEN|DB|JWT|EXECUTOR|KEYSTORE|HTTP|HTTPS|SESSION)_.*|VARIABLE_SOURCE_DIRS");
    private static Set<String> documented;

    private ConfigurationKeys() {
    }

    static synchronized Set<String> documented() {
        if (documented == null) {
            try {
                Matcher code = CODE.matcher(Files.readString(Manifests.REPO.resolve("docs/configuration.md")));
                documented = code.results().map(m -> m.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documented;
    }

    /** The keys of a configuration that the platform's own servers read (not PostgreSQL's, Keycloak's, ...). */
    static List<String> platformKeys(Collection<String> keys) {
        return keys.stream().filter(k -> PLATFORM.matcher(k).matches()).sorted().toList();
    }
}
