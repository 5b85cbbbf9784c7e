package io.datatoken.portal.ui;

/** A user opened a section their roles do not allow; the message names the section's key. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String sectionKey) {
        super(sectionKey);
    }
}
