package io.datatoken.privacy.psi;

/**
 * What the data's terms allow the responder (the owner of the other list, bank B in scenario S3) to
 * learn: nothing, or the size of the intersection when {@code revealSizeToResponder}. Both parties hold
 * the same terms; the requester sends the size only when they say so, the responder refuses it otherwise.
 */
public record PsiTerms(boolean revealSizeToResponder) {

    public static PsiTerms responderLearnsNothing() {
        return new PsiTerms(false);
    }

    public static PsiTerms responderLearnsSize() {
        return new PsiTerms(true);
    }
}
