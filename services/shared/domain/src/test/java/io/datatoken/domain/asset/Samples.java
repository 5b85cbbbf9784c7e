package io.datatoken.domain.asset;

import io.datatoken.domain.organization.OrganizationAlias;
import java.util.List;
import java.util.Map;

/** Well-formed building blocks the specifications vary one field at a time. */
final class Samples {

    static final String DT = hex('a');
    static final String CHILD_1 = hex('1');
    static final String CHILD_2 = hex('2');
    static final String OP = hex('0');

    private Samples() {
    }

    static String hex(char digit) {
        return "0x" + String.valueOf(digit).repeat(64);
    }

    static AssetService service(List<String> children, Map<String, String> setOps) {
        return new AssetService("compute-to-data", "https://node.bank-a.example/compute", children, List.of(OP),
                new Workflow(setOps, Map.of()), Terms.NONE, Map.of());
    }

    static Ddo ddo(AssetKind kind, AssetService... services) {
        return new Ddo(DT, kind, "title", null, OrganizationAlias.of("bank-a"), List.of(services));
    }
}
