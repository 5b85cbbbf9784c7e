package io.datatoken.privacy.psi;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A party's list as a set: duplicates dropped (sending one twice would show the other party the
 * multiplicity), first occurrences kept in order. Items are compared by their exact UTF-8 bytes:
 * callers canonicalize (case, Unicode normalization, trimming) before, the same way on both sides.
 */
final class PsiItems {

    private PsiItems() {
    }

    static List<String> distinct(Collection<String> items) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String item : items) {
            set.add(Objects.requireNonNull(item, "item"));
        }
        return List.copyOf(set);
    }

    static List<byte[]> utf8(List<String> items) {
        List<byte[]> bytes = new ArrayList<>(items.size());
        for (String item : items) {
            bytes.add(item.getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }

    /** A uniformly random permutation of [0, n) (Fisher-Yates on the party's SecureRandom). */
    static int[] permutation(int n, SecureRandom random) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
