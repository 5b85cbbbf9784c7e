package io.datatoken.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DdoSchemaTest {

    @Test
    void is_a_draft_2020_12_schema_that_closes_the_document() throws Exception {
        JsonNode schema = StrictJson.read(DdoSchema.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText).contains("dt", "kind", "owner", "services");
    }

    @Test
    void is_loaded_from_the_published_resource() {
        assertThat(DdoSchema.class.getClassLoader().getResource(DdoSchema.RESOURCE)).isNotNull();
        assertThat(DdoSchema.text()).contains("\"$defs\"");
    }
}
