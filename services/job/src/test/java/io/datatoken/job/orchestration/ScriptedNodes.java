package io.datatoken.job.orchestration;

import io.datatoken.domain.market.JobId;
import io.datatoken.domain.market.SignedExecutionRequest;
import io.datatoken.domain.op.OpHash;
import io.datatoken.domain.token.DataTokenId;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stub of the compute nodes: each node gives the answers a test scripts for it, in order, the last
 * one again and again (a node no test scripted cannot be reached); every request is recorded.
 */
final class ScriptedNodes implements ComputeNodes {

    record Submission(URI node, SignedExecutionRequest request) {
    }

    private final Map<URI, Deque<NodeAnswer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    final List<Submission> submissions = new CopyOnWriteArrayList<>();

    ScriptedNodes answer(URI node, NodeAnswer... answers) {
        scripts.put(node, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    @Override
    public NodeAnswer submit(URI node, SignedExecutionRequest request) {
        submissions.add(new Submission(node, request));
        Deque<NodeAnswer> script = scripts.get(node);
        if (script == null) {
            return new NodeAnswer.Unavailable("connection refused");
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    /** The node reports that its run of (dt, op) failed, for why. */
    ScriptedNodes failing(URI node, DataTokenId dt, OpHash op, String why) {
        failures.put(node + " " + dt + " " + op, why);
        return this;
    }

    @Override
    public Optional<String> failure(URI node, JobId job, DataTokenId dt, OpHash op) {
        return Optional.ofNullable(failures.get(node + " " + dt + " " + op));
    }

    List<Submission> to(URI node) {
        return submissions.stream().filter(s -> s.node().equals(node)).toList();
    }
}
