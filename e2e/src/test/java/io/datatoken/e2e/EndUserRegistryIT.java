package io.datatoken.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datatoken.chain.ChainAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario S2's user registry through the platform: vendor-a's data provider registers and removes the
 * organization's end users on chain (signed by the organization's account); members, the regulator and
 * the admin read them; no one else changes them.
 */
class EndUserRegistryIT {

    private static final String VENDOR_USERS = "/asset/api/v1/organizations/vendor-a/end-users";

    static Stack stack;

    @BeforeAll
    static void enter() {
        AssetWorld.enter();
        stack = AssetWorld.stack;
        // vendor-a must be on chain as a data provider (the demos register it with every demo organization)
        AssetWorld.adopt(stack.tokenOf("admin"), "vendor-a",
                "[\"data-provider\",\"compute-provider\",\"algorithm-provider\",\"data-user\"]");
    }

    private static String freshUserId() {
        return "u-" + HexFormat.of().formatHex(AssetWorld.RANDOM.generateSeed(6));
    }

    private static HttpResponse<String> register(String user, String path, String userId, String account) {
        return stack.post(path, stack.tokenOf(user), AssetWorld.JSON_TYPE,
                ("{\"userId\":\"" + userId + "\",\"account\":\"" + account + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_vendor_registers_an_end_user_on_chain_and_removes_it() throws Exception {
        String userId = freshUserId();
        String account = ChainAccounts.generate().address().value();

        var created = register("victor", VENDOR_USERS, userId, account);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(userId));
        assertThat(register("victor", VENDOR_USERS, userId, account).statusCode()).as("the same again changes nothing")
                .isEqualTo(200);

        for (String reader : new String[] {"victor", "rita", "admin"}) {
            var listed = stack.get(VENDOR_USERS, stack.tokenOf(reader));
            assertThat(listed.statusCode()).as(reader + ": " + listed.body()).isEqualTo(200);
            assertThat(Stack.JSON.readTree(listed.body())).anySatisfy(u -> {
                assertThat(u.get("userId").asText()).isEqualTo(userId);
                assertThat(u.get("account").asText()).isEqualToIgnoringCase(account);
            });
        }

        assertThat(stack.delete(VENDOR_USERS + "/" + userId, stack.tokenOf("victor")).statusCode()).isEqualTo(204);
        JsonNode after = Stack.JSON.readTree(stack.get(VENDOR_USERS, stack.tokenOf("victor")).body());
        assertThat(after.findValuesAsText("userId")).doesNotContain(userId);
        Problems.assertProblem(stack.delete(VENDOR_USERS + "/" + userId, stack.tokenOf("victor")), 404, "unknown-end-user");
    }

    @Test
    void an_id_or_an_account_taken_is_refused_with_what_to_do_and_nothing_changes() {
        String userId = freshUserId();
        String account = ChainAccounts.generate().address().value();
        assertThat(register("victor", VENDOR_USERS, userId, account).statusCode()).isEqualTo(201);

        JsonNode sameId = Problems.assertProblem(register("victor", VENDOR_USERS, userId,
                ChainAccounts.generate().address().value()), 409, "end-user-exists");
        assertThat(sameId.get("detail").asText()).contains("choose another id");
        Problems.assertProblem(register("victor", VENDOR_USERS, freshUserId(), account), 409, "account-is-end-user");
        Problems.assertProblem(register("victor", VENDOR_USERS, "U_1", account), 400, "malformed-user-id");
        Problems.assertProblem(register("victor", VENDOR_USERS, freshUserId(), "0x1234"), 400, "malformed-account");
    }

    @Test
    void only_the_organizations_own_data_providers_change_its_registry() {
        String account = ChainAccounts.generate().address().value();

        Problems.assertProblem(register("bob", VENDOR_USERS, freshUserId(), account), 403, "not-yours");
        Problems.assertProblem(stack.get(VENDOR_USERS, stack.tokenOf("bob")), 403, "not-yours");
        assertThat(register("carol", "/asset/api/v1/organizations/fintech-c/end-users", freshUserId(), account)
                .statusCode()).as("an organization's members who provide no data keep no end users").isEqualTo(403);
        assertThat(register("admin", VENDOR_USERS, freshUserId(), account).statusCode())
                .as("the admin operates the platform; the vendor keeps its own users").isEqualTo(403);
        var listed = stack.get(VENDOR_USERS, stack.tokenOf("victor"));
        assertThat(listed.body()).doesNotContain(account.substring(2).toLowerCase());
    }
}
