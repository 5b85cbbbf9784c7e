package io.datatoken.privacy.psi;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** One protocol run between a requester and a responder, every message kept: the parties' views. */
record PsiRun(PsiRequest request, PsiResponse response, Optional<IntersectionSize> size, Set<String> intersection,
        PsiResponder responder) {

    static PsiRun between(PsiTerms terms, Collection<String> requesterItems, Collection<String> responderItems,
            BlindingPool pool) {
        var random = new SecureRandom();
        return between(new PsiRequester(terms, requesterItems, pool, random),
                new PsiResponder(terms, responderItems, pool, random));
    }

    static PsiRun between(PsiRequester requester, PsiResponder responder) {
        PsiRequest request = requester.request();
        PsiResponse response = responder.respond(request);
        Optional<IntersectionSize> size = requester.receive(response);
        size.ifPresent(responder::receive);
        return new PsiRun(request, response, size, requester.intersection(), responder);
    }
}
