package io.datatoken.verifier.verification;

import static io.datatoken.verifier.verification.VerificationRefused.Why.CONFLICT;
import static io.datatoken.verifier.verification.VerificationRefused.Why.FORBIDDEN;
import static io.datatoken.verifier.verification.VerificationRefused.Why.INVALID;
import static io.datatoken.verifier.verification.VerificationRefused.Why.NOT_FOUND;

import io.datatoken.domain.asset.Ddo;
import io.datatoken.domain.asset.DdoRejected;
import io.datatoken.domain.content.ContentStore;
import io.datatoken.domain.op.OpLedger;
import io.datatoken.domain.organization.OrganizationAlias;
import io.datatoken.domain.token.DataToken;
import io.datatoken.domain.token.DataTokenId;
import io.datatoken.domain.token.DataTokenLedger;
import io.datatoken.domain.verification.Child;
import io.datatoken.domain.verification.ChildVerdict;
import io.datatoken.domain.verification.OpStatus;
import io.datatoken.domain.verification.TermsVerifier;
import io.datatoken.domain.verification.VerificationReport;
import io.datatoken.metadata.DdoVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Verifies a composition against its children's terms, reading everything from the chain (tokens,
 * ops) and the content store (DDOs proven against their on-chain proofs) — never trusting a
 * copy — and authorizes a child's use only when its verdict passes.
 */
@ApplicationScoped
public class Verifications {

    @Inject
    DataTokenLedger tokens;

    @Inject
    OpLedger ops;

    @Inject
    ContentStore content;

    @Inject
    DdoVerifier ddos;

    @Inject
    TermsVerifier terms;

    @Inject
    AssetGrants grants;

    /**
     * The verdict on every child of {@code parent}. A child's uses so far are the parents its
     * owner authorized through the platform, this one not counted.
     */
    public VerificationReport verify(DataTokenId parent, String bearerToken) {
        DataToken composition = tokens.find(parent).orElseThrow(() -> unknown(parent));
        if (composition.isLeaf()) {
            throw new VerificationRefused(INVALID, "not-a-composition", "asset " + parent + " composes nothing; "
                    + "verify a COMPUTE or ALGORITHM asset that lists children");
        }
        Ddo parentDdo = verifiedDdoOf(composition);
        if (!new HashSet<>(parentDdo.children()).equals(new HashSet<>(composition.children().stream()
                .map(DataTokenId::value).toList()))) {
            // Only a registration that bypassed the asset service can get here.
            throw new VerificationRefused(CONFLICT, "inconsistent-composition", "the DDO of " + parent
                    + " names children " + parentDdo.children() + " but the chain records " + composition.children()
                    + "; it cannot be verified");
        }
        return terms.verify(parentDdo, childrenOf(parent, composition.children(), bearerToken), opStatus());
    }

    /**
     * The verdict a composition not registered yet would get, so that its author sees before
     * registering which child's terms it breaks. The draft must be the caller's organization's and
     * compose registered assets; nothing is recorded.
     *
     * @throws DdoRejected if the draft is not a valid DDO
     */
    public VerificationReport verifyDraft(OrganizationAlias caller, byte[] draftJson, String bearerToken) {
        Ddo draft = ddos.draft(draftJson);
        if (!draft.owner().equals(caller)) {
            throw new VerificationRefused(FORBIDDEN, "not-your-draft", "the draft names '" + draft.owner()
                    + "' as its owner; verify drafts of your own organization ('" + caller + "') only");
        }
        if (draft.children().isEmpty()) {
            throw new VerificationRefused(INVALID, "not-a-composition", "the draft composes nothing; name at least "
                    + "one child asset in a service's childDts");
        }
        List<DataTokenId> children = draft.children().stream().distinct().map(DataTokenId::of).toList();
        return terms.verify(draft, childrenOf(DataTokenId.of(draft.dt()), children, bearerToken), opStatus());
    }

    /** Each child's verified DDO and its uses so far, the parent's own grant not counted. */
    private Map<String, Child> childrenOf(DataTokenId parent, List<DataTokenId> dts, String bearerToken) {
        Map<String, Child> children = new LinkedHashMap<>();
        for (DataTokenId child : dts) {
            DataToken token = tokens.find(child).orElseThrow(() -> unknown(child));
            long uses = grants.parentsAuthorizedBy(child, bearerToken).stream()
                    .filter(p -> !p.equals(parent.value())).distinct().count();
            children.put(child.value(), new Child(verifiedDdoOf(token), Math.toIntExact(uses)));
        }
        return children;
    }

    /**
     * Verifies {@code child}'s use in {@code parent} and, if it passes, has the asset service grant
     * it on chain as the caller, who must own the child.
     *
     * @throws VerificationRefused with the why-denied report if the child's terms are not met
     */
    public Authorized authorize(OrganizationAlias caller, DataTokenId child, DataTokenId parent, Instant expiresAt,
                                String bearerToken) {
        DataToken token = tokens.find(child).orElseThrow(() -> unknown(child));
        if (!token.owner().equals(caller)) {
            throw new VerificationRefused(FORBIDDEN, "not-owner", "asset " + child + " belongs to '" + token.owner()
                    + "'; only its owner authorizes its use");
        }
        VerificationReport report = verify(parent, bearerToken);
        ChildVerdict verdict = report.verdictOn(child.value()).orElseThrow(() -> new VerificationRefused(INVALID,
                "not-a-child", parent + " does not compose " + child));
        if (!verdict.passed()) {
            throw new VerificationRefused(CONFLICT, "terms-not-met", "the composition " + parent + " breaks "
                    + verdict.denials().size() + " rule(s) of " + child + "'s terms; nothing was authorized", report);
        }
        return new Authorized(report, grants.grant(child, parent, expiresAt, bearerToken));
    }

    private Function<String, OpStatus> opStatus() {
        return OpStatus.in(ops);
    }

    private Ddo verifiedDdoOf(DataToken token) {
        try {
            return ddos.verify(content.get(token.storagePath()), token.proof());
        } catch (DdoRejected rejected) {
            throw new StoredDdoRejected(token.id(), rejected);
        }
    }

    private static VerificationRefused unknown(DataTokenId dt) {
        return new VerificationRefused(NOT_FOUND, "unknown-asset", "no asset is registered as " + dt);
    }

    /** A passing verification and the grant that followed it. */
    public record Authorized(VerificationReport report, AssetGrants.GrantAnswer grant) {
    }

    /** A stored DDO that is not the one its token's proof vouches for. */
    public static final class StoredDdoRejected extends RuntimeException {
        public StoredDdoRejected(DataTokenId dt, DdoRejected cause) {
            super("the stored DDO of " + dt + " is refused: " + cause.getMessage(), cause);
        }
    }
}
