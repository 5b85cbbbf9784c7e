package io.datatoken.domain.asset;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One way an asset is offered, e.g. {@code compute-to-data} or {@code data-union}: where it is
 * reached, which child assets it composes, which trusted ops it supports, how its children are used
 * (the workflow) and on what terms.
 *
 * @param type         lower-case words joined by hyphens
 * @param endpoint     absolute URI of the service, or {@code null} when it has none
 * @param childDts     child Data Tokens (0x + 64 hex), no repeats
 * @param supportedOps op hashes (0x + 64 hex) the service can run, no repeats
 * @param workflow     child → op; its children must be among {@code childDts}
 * @param terms        what the owner allows
 * @param extraParams  free-form service parameters
 */
public record AssetService(
        String type,
        String endpoint,
        List<String> childDts,
        List<String> supportedOps,
        Workflow workflow,
        Terms terms,
        Map<String, String> extraParams) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public AssetService {
        Violations v = new Violations();
        if (type == null || !TYPE.matcher(type).matches()) {
            v.add("/type", "service type '" + type + "' must be lower-case words joined by hyphens, e.g. compute-to-data");
        }
        if (endpoint != null && !isAbsoluteUri(endpoint)) {
            v.add("/endpoint", "endpoint '" + endpoint + "' must be an absolute URI");
        }
        childDts = v.copyOf("/childDts", childDts);
        supportedOps = v.copyOf("/supportedOps", supportedOps);
        checkHexList(v, "/childDts", childDts, "child dt");
        checkHexList(v, "/supportedOps", supportedOps, "op hash");
        workflow = workflow == null ? Workflow.NONE : workflow;
        terms = terms == null ? Terms.NONE : terms;
        extraParams = v.copyOf("/extraParams", extraParams);
        for (String child : workflow.setOps().keySet()) {
            if (!childDts.contains(child)) {
                v.add("/workflow/setOps/" + Violations.pointerToken(child),
                        "sets an op for " + child + ", which is not one of this service's childDts");
            }
        }
        v.throwIfAny();
    }

    private static void checkHexList(Violations v, String path, List<String> values, String what) {
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            v.requireHex32(path + "/" + i, values.get(i), what);
            if (!seen.add(values.get(i))) {
                v.add(path + "/" + i, what + " " + values.get(i) + " is listed twice");
            }
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
