package io.datatoken.portal.services;

import java.net.URI;

/**
 * The compute node an asset of the signed-in user's own organization names (the first http(s)
 * endpoint of its DDO): the only place outside the services the user's token goes to bind data.
 * Only {@link DatasetClient#nodeOf} makes one, so a view cannot point the token elsewhere.
 */
public final class OwnNode {

    private final URI url;

    OwnNode(URI url) {
        this.url = url;
    }

    /** The node's API base URL, e.g. {@code http://localhost:9181/compute/api}. */
    public URI url() {
        return url;
    }

    /** {@code <node>/v1/datasets}. */
    URI datasets() {
        return URI.create(url.toString().replaceAll("/+$", "") + "/v1/datasets");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnNode node && node.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
