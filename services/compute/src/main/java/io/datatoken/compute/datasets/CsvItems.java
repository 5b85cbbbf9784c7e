package io.datatoken.compute.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of identifiers (a PSI party's items) from a CSV file under the node's datasets directory:
 * the first comma-separated field of every line, trimmed; blank lines and lines starting with
 * {@code #} (a header, a comment) are skipped.
 */
public final class CsvItems {

    /** Most items read at once (the PSI ops take at most this many per call). */
    public static final int MAX_ITEMS = 200_000;

    private final CsvMatrices files;

    public CsvItems(CsvMatrices files) {
        this.files = files;
    }

    public List<String> read(String location) {
        List<String> items = new ArrayList<>();
        try (var lines = Files.lines(files.fileOf(location), StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String item = line.split(",", 2)[0].strip();
                if (item.isEmpty() || item.startsWith("#")) {
                    continue;
                }
                if (items.size() == MAX_ITEMS) {
                    throw new IllegalArgumentException(location + " holds more than " + MAX_ITEMS + " items");
                }
                items.add(item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + location, e);
        }
        return items;
    }
}
