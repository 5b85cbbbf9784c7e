package io.datatoken.compute.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric matrices from CSV files under the node's datasets directory: one row per line, values
 * separated by commas, an optional header line of names. A location never leaves the directory.
 */
public final class CsvMatrices {

    /** Largest matrix read into memory at once. */
    public static final long MAX_CELLS = 50_000_000L;

    private final Path root;

    public CsvMatrices(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file a location names, refused if it is outside the datasets directory or unreadable. */
    public Path fileOf(String location) {
        Path file = root.resolve(location).normalize();
        if (!file.startsWith(root) || location.startsWith("/")) {
            throw new IllegalArgumentException("dataset location '" + location + "' is outside the node's datasets directory");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("no readable file '" + location + "' in the node's datasets directory");
        }
        return file;
    }

    public double[][] read(String location) {
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        long cells = 0;
        try (var lines = Files.lines(fileOf(location), StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line : (Iterable<String>) lines::iterator) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (lineNumber == 1 && !isNumber(fields[0].strip())) {
                    continue;
                }
                if (width >= 0 && fields.length != width) {
                    throw new IllegalArgumentException(location + " line " + lineNumber + " has " + fields.length
                            + " values; the rows before it have " + width);
                }
                width = fields.length;
                cells += width;
                if (cells > MAX_CELLS) {
                    throw new IllegalArgumentException(location + " has more than " + MAX_CELLS + " values");
                }
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    String value = fields[c].strip();
                    if (!isNumber(value)) {
                        throw new IllegalArgumentException(location + " line " + lineNumber + " column " + (c + 1)
                                + ": '" + value + "' is not a number");
                    }
                    row[c] = Double.parseDouble(value);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + location, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(location + " holds no rows");
        }
        return rows.toArray(double[][]::new);
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
