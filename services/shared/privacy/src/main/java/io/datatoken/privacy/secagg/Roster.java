package io.datatoken.privacy.secagg;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Round 0, server to clients: every user who advertised keys (U1), in user order. A user's position
 * (1-based) is the x-coordinate of the shares it holds.
 */
public record Roster(List<KeyAdvertisement> users) {

    public Roster {
        users = users.stream().sorted(Comparator.comparingInt(KeyAdvertisement::user)).toList();
        for (int i = 1; i < users.size(); i++) {
            if (users.get(i).user() == users.get(i - 1).user()) {
                throw new IllegalArgumentException("user " + users.get(i).user() + " advertised twice");
            }
        }
    }

    public int size() {
        return users.size();
    }

    public boolean contains(int user) {
        return users.stream().anyMatch(keys -> keys.user() == user);
    }

    public KeyAdvertisement keysOf(int user) {
        return users.stream().filter(keys -> keys.user() == user).findFirst()
                .orElseThrow(() -> new NoSuchElementException("user " + user + " is not on the roster"));
    }

    /** The x-coordinate of the shares {@code user} holds. */
    public int shareIndexOf(int user) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).user() == user) {
                return i + 1;
            }
        }
        throw new NoSuchElementException("user " + user + " is not on the roster");
    }
}
