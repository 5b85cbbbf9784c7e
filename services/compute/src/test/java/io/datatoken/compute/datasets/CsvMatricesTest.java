package io.datatoken.compute.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMatricesTest {

    @TempDir
    Path root;

    @Test
    void reads_a_numeric_matrix_skipping_a_header_and_blank_lines() throws IOException {
        Files.writeString(root.resolve("loans.csv"), "income,debt\n1.5, -2\n\n0.25,4e0\n");

        assertThat(new CsvMatrices(root).read("loans.csv")).isDeepEqualTo(new double[][] {{1.5, -2}, {0.25, 4}});
    }

    @Test
    void refuses_ragged_rows_and_non_numbers_naming_the_place() throws IOException {
        Files.writeString(root.resolve("ragged.csv"), "1,2\n3\n");
        Files.writeString(root.resolve("words.csv"), "1,2\n3,four\n");

        assertThatThrownBy(() -> new CsvMatrices(root).read("ragged.csv")).hasMessageContaining("line 2 has 1 values");
        assertThatThrownBy(() -> new CsvMatrices(root).read("words.csv")).hasMessageContaining("line 2 column 2");
    }

    @Test
    void a_location_never_leaves_the_datasets_directory() throws IOException {
        Path inside = Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("secret.csv"), "1\n");

        assertThatThrownBy(() -> new CsvMatrices(inside).read("../secret.csv")).hasMessageContaining("outside");
        assertThatThrownBy(() -> new CsvMatrices(inside).read("/etc/passwd")).hasMessageContaining("outside");
        assertThatThrownBy(() -> new CsvMatrices(inside).read("missing.csv")).hasMessageContaining("no readable file");
    }
}
