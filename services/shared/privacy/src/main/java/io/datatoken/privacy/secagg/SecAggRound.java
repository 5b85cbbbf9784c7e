package io.datatoken.privacy.secagg;

import java.util.List;
import java.util.Map;

/**
 * Carries the messages of one round between a server and its clients in memory, in protocol order,
 * leaving out the users that {@link Dropouts} silences. The stand-in for the network: it only forwards.
 */
public final class SecAggRound {

    private SecAggRound() {
    }

    public static AggregationResult run(SecAggServer server, List<SecAggClient> clients, Dropouts dropouts) {
        clients.forEach(client -> server.receive(client.advertiseKeys()));
        Roster roster = server.closeAdvertising();
        for (SecAggClient client : clients) {
            if (!dropouts.silentAt(client.user(), 1)) {
                server.receive(client.user(), client.shareKeys(roster));
            }
        }
        Map<Integer, ShareDelivery> deliveries = server.closeSharing();
        for (SecAggClient client : clients) {
            if (deliveries.containsKey(client.user()) && !dropouts.silentAt(client.user(), 2)) {
                server.receive(client.maskInput(deliveries.get(client.user())));
            }
        }
        UnmaskRequest request = server.closeMasking();
        for (SecAggClient client : clients) {
            if (request.survivors().contains(client.user()) && !dropouts.silentAt(client.user(), 3)) {
                server.receive(client.unmask(request));
            }
        }
        return server.aggregate();
    }
}
