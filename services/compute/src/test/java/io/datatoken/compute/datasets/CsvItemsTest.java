package io.datatoken.compute.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvItemsTest {

    @TempDir
    Path root;

    @Test
    void reads_the_first_field_of_each_line_skipping_comments_and_blank_lines() throws IOException {
        Files.writeString(root.resolve("people.csv"), "# person id, band\nperson-1, middle\n\n  person-2 \nÄnne,x\n");

        assertThat(new CsvItems(new CsvMatrices(root)).read("people.csv"))
                .containsExactly("person-1", "person-2", "Änne");
    }

    @Test
    void a_list_stays_inside_the_datasets_directory_and_within_its_bound() throws IOException {
        Path inside = Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("secret.csv"), "x\n");
        Files.writeString(inside.resolve("big.csv"), "x\n".repeat(CsvItems.MAX_ITEMS + 1));

        assertThatThrownBy(() -> new CsvItems(new CsvMatrices(inside)).read("../secret.csv")).hasMessageContaining("outside");
        assertThatThrownBy(() -> new CsvItems(new CsvMatrices(inside)).read("big.csv"))
                .hasMessageContaining("more than " + CsvItems.MAX_ITEMS + " items");
    }
}
