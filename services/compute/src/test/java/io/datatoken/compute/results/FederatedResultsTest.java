package io.datatoken.compute.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;

class FederatedResultsTest {

    /** y = 1 exactly when 2 x1 - x2 + 0.5 >= 0: weights first, then the intercept (Smile's layout). */
    private static final JsonArray MODEL = Json.createArrayBuilder().add(2.0).add(-1.0).add(0.5).build();

    @Test
    void accuracy_is_the_share_of_rows_whose_label_the_model_predicts() {
        double[][] rows = {{1, 0, 1}, {0, 3, 0}, {-1, 0, 0}, {0, 0, 0}};

        assertThat(FederatedResults.accuracy(MODEL, rows)).as("the last row scores 0.5, predicted 1: wrong")
                .isEqualTo(0.75);
    }

    @Test
    void a_test_set_of_another_width_is_refused_naming_both() {
        assertThatThrownBy(() -> FederatedResults.accuracy(MODEL, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns")
                .hasMessageContaining("2 features and a label");
    }
}
