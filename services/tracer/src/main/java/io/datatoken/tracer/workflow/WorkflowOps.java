package io.datatoken.tracer.workflow;

import io.datatoken.domain.asset.AssetService;
import io.datatoken.domain.asset.Ddo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ops a verified document runs on its children, from its services' workflows. */
final class WorkflowOps {

    private WorkflowOps() {
    }

    /**
     * One op per child the workflows set one for, ordered by child. A child two services set an op for
     * keeps the first service's (the document's order): an edge has one op.
     */
    static List<ChildOp> of(Ddo ddo) {
        Map<String, ChildOp> ops = new LinkedHashMap<>();
        for (AssetService service : ddo.services()) {
            service.workflow().setOps().forEach((child, op) ->
                    ops.putIfAbsent(child, new ChildOp(child, op, service.workflow().configs())));
        }
        return ops.values().stream().sorted(Comparator.comparing(ChildOp::child)).toList();
    }
}
