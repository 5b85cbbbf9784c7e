package io.datatoken.e2e;

import static io.datatoken.e2e.AssetWorld.JSON_TYPE;
import static io.datatoken.e2e.AssetWorld.bytes;
import static io.datatoken.e2e.AssetWorld.computeDdo;
import static io.datatoken.e2e.AssetWorld.created;
import static io.datatoken.e2e.AssetWorld.dataDdo;
import static io.datatoken.e2e.AssetWorld.newDt;
import static io.datatoken.e2e.AssetWorld.register;
import static io.datatoken.e2e.AssetWorld.stack;
import static io.datatoken.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each organization's compute node (a server of its own) binds that organization's local datasets
 * to its DATA assets; the data never leaves the node.
 */
class DatasetBindingIT {

    private static String alice;

    @BeforeAll
    static void organizations_on_chain() {
        AssetWorld.enter();
        alice = stack.tokenOf("alice");
    }

    @Test
    void a_csv_dataset_is_bound_to_the_owners_data_asset_and_listed_without_its_data() throws IOException {
        String dt = newDt();
        created(register(alice, dataDdo(dt, "bank-a", "fintech-c")));
        String file = csv("bank-a", "income,debt\n1.5,-2\n0.25,4\n");

        var bound = bind("bank-a", alice, dt, "CSV", file);

        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
        JsonNode listed = Stack.JSON.readTree(stack.get(datasets("bank-a"), alice).body());
        assertThat(listed).filteredOn(b -> b.get("dt").asText().equals(dt)).singleElement().satisfies(b -> {
            assertThat(b.get("sourceKind").asText()).isEqualTo("CSV");
            assertThat(b.toString()).doesNotContain("1.5", file);
        });
    }

    @Test
    void another_organizations_asset_a_path_outside_the_directory_and_bad_data_are_refused() throws IOException {
        String dt = newDt();
        created(register(alice, dataDdo(dt, "bank-a", "fintech-c")));
        String bobs = newDt();
        String bob = stack.tokenOf("bob");
        created(register(bob, dataDdo(bobs, "bank-b", "fintech-c")));
        String compute = newDt();
        created(register(alice, computeDdo(compute, "bank-a", "fintech-c")));
        String good = csv("bank-a", "1,2\n3,4\n");

        assertProblem(bind("bank-a", bob, bobs, "CSV", good), 403, "not-this-nodes-asset");
        assertProblem(bind("bank-a", alice, bobs, "CSV", good), 403, "not-this-nodes-asset");
        assertProblem(bind("bank-a", alice, dt, "CSV", "../../secrets/db-password"), 400, "invalid-input");
        assertProblem(bind("bank-a", alice, dt, "CSV", csv("bank-a", "1,2\n3,four\n")), 400, "invalid-input");
        assertProblem(bind("bank-a", alice, dt, "XLS", good), 400, "invalid-input");
        assertProblem(bind("bank-a", alice, compute, "CSV", good), 400, "invalid-input");
        assertThat(Stack.JSON.readTree(stack.get(datasets("bank-a"), alice).body()).toString()).doesNotContain(dt);
    }

    @Test
    void each_organizations_node_binds_its_own_datasets_from_its_own_directory_only() throws IOException {
        String bob = stack.tokenOf("bob");
        String bobs = newDt();
        created(register(bob, dataDdo(bobs, "bank-b", "fintech-c")));
        String alices = newDt();
        created(register(alice, dataDdo(alices, "bank-a", "fintech-c")));
        String onlyAtBankA = csv("bank-a", "1,2\n3,4\n");

        assertProblem(bind("bank-b", bob, bobs, "CSV", onlyAtBankA), 400, "invalid-input");
        assertProblem(bind("bank-b", alice, alices, "CSV", csv("bank-b", "1,2\n")), 403, "not-this-nodes-asset");
        var bound = bind("bank-b", bob, bobs, "CSV", csv("bank-b", "5,6\n7,8\n"));

        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
        assertThat(Stack.JSON.readTree(stack.get(datasets("bank-b"), bob).body()))
                .anySatisfy(b -> assertThat(b.get("dt").asText()).isEqualTo(bobs));
        assertThat(stack.get(datasets("bank-a"), bob).body()).doesNotContain(bobs);
    }

    private static URI datasets(String organization) {
        return URI.create(stack.computeNode(organization) + "/v1/datasets");
    }

    private static HttpResponse<String> bind(String node, String token, String dt, String kind, String location) {
        return stack.post(datasets(node), token, JSON_TYPE,
                bytes("{\"dt\":\"" + dt + "\",\"kind\":\"" + kind + "\",\"location\":\"" + location + "\"}"));
    }

    /** A new CSV file in the datasets directory of an organization's node. */
    private static String csv(String organization, String content) throws IOException {
        String name = "e2e-" + UUID.randomUUID() + ".csv";
        Files.createDirectories(stack.computeDatasets(organization));
        Files.writeString(stack.computeDatasets(organization).resolve(name), content);
        return name;
    }
}
