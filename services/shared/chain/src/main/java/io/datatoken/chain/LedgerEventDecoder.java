package io.datatoken.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datatoken.contracts.generated.DataTokenRegistry;
import io.datatoken.contracts.generated.OpRegistry;
import io.datatoken.contracts.generated.OrganizationRegistry;
import io.datatoken.contracts.generated.TaskMarket;
import io.datatoken.domain.ledger.LedgerEvent;
import io.datatoken.domain.organization.ChainAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Decodes the logs of the platform's four contracts into {@link LedgerEvent}s: every event the generated
 * wrappers define, with the Solidity parameter names from the contracts' ABI (the wrappers keep only
 * the types) as field names, in declaration order.
 */
final class LedgerEventDecoder {

    private static final Map<String, Class<?>> WRAPPERS = Map.of(
            "OrganizationRegistry", OrganizationRegistry.class,
            "OpRegistry", OpRegistry.class,
            "DataTokenRegistry", DataTokenRegistry.class,
            "TaskMarket", TaskMarket.class);

    /** One event of one contract: its definition and its parameters' names. */
    private record EventShape(Event event, List<String> names) {
    }

    /** Contract name by lower-case address. */
    private final Map<String, String> contracts = new HashMap<>();
    /** Event shape by contract name and topic 0 (the event's signature hash). */
    private final Map<String, Map<String, EventShape>> shapes = new HashMap<>();

    /** @param addresses the deployed address of each of {@link LedgerEvent#CONTRACTS} */
    LedgerEventDecoder(Map<String, ChainAddress> addresses) {
        for (String contract : LedgerEvent.CONTRACTS) {
            ChainAddress address = addresses.get(contract);
            if (address == null) {
                throw new IllegalArgumentException("no address for " + contract);
            }
            contracts.put(address.value().toLowerCase(Locale.ROOT), contract);
            shapes.put(contract, shapesOf(contract));
        }
    }

    /** The addresses whose logs to read. */
    List<String> addresses() {
        return List.copyOf(contracts.keySet());
    }

    /** What a log does not carry of its block and transaction: the block's time and each transaction's sender. */
    interface BlockFacts {

        long time();

        /** The sender of this transaction of the block, lower case. */
        String sender(String txHash);
    }

    /**
     * The log as an event of its contract, in its block.
     *
     * @throws IllegalStateException for a log of another address or an event the wrappers do not know:
     *                               the deployment does not match this build's contracts
     */
    LedgerEvent decode(Log log, BlockFacts block) {
        String contract = contracts.get(log.getAddress().toLowerCase(Locale.ROOT));
        List<String> topics = log.getTopics();
        EventShape shape = contract == null || topics.isEmpty() ? null
                : shapes.get(contract).get(topics.getFirst().toLowerCase(Locale.ROOT));
        if (shape == null) {
            throw new IllegalStateException("log " + log.getLogIndex() + " of transaction " + log.getTransactionHash()
                    + " at " + log.getAddress() + " is no event of the platform's contracts as this build knows them");
        }
        Event event = shape.event();
        List<Type> nonIndexed = FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
        Map<String, String> fields = new LinkedHashMap<>();
        int topic = 1;
        int data = 0;
        for (int i = 0; i < shape.names().size(); i++) {
            TypeReference<Type> parameter = event.getParameters().get(i);
            Type<?> value = parameter.isIndexed()
                    ? FunctionReturnDecoder.decodeIndexedValue(topics.get(topic++), parameter)
                    : nonIndexed.get(data++);
            fields.put(shape.names().get(i), AbiText.of(value));
        }
        return new LedgerEvent(log.getBlockNumber().longValueExact(), log.getBlockHash().toLowerCase(Locale.ROOT),
                block.time(), log.getTransactionHash().toLowerCase(Locale.ROOT),
                block.sender(log.getTransactionHash()), log.getLogIndex().intValueExact(), contract, event.getName(),
                fields);
    }

    /** The wrapper's events (its {@code *_EVENT} constants) by topic 0, named from the ABI resource. */
    private static Map<String, EventShape> shapesOf(String contract) {
        Map<String, List<JsonNode>> abiInputs = abiEventInputs(contract);
        Map<String, EventShape> byTopic = new HashMap<>();
        for (Field field : WRAPPERS.get(contract).getFields()) {
            if (field.getType() != Event.class || !Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Event event = constant(field);
            List<JsonNode> inputs = abiInputs.get(event.getName());
            if (inputs == null || inputs.size() != event.getParameters().size()) {
                throw new IllegalStateException("the ABI of " + contract + " does not declare " + event.getName()
                        + " as its wrapper does");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i).path("indexed").asBoolean() != event.getParameters().get(i).isIndexed()) {
                    throw new IllegalStateException("the ABI and the wrapper of " + contract + " disagree on "
                            + event.getName() + "'s parameter " + i);
                }
                names.add(inputs.get(i).path("name").asText());
            }
            byTopic.put(EventEncoder.encode(event).toLowerCase(Locale.ROOT), new EventShape(event, names));
        }
        if (byTopic.size() != abiInputs.size()) {
            throw new IllegalStateException("the wrapper of " + contract + " defines " + byTopic.size()
                    + " events, its ABI " + abiInputs.size());
        }
        return Map.copyOf(byTopic);
    }

    private static Event constant(Field field) {
        try {
            return (Event) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each event's inputs in the contract's ABI resource (written by the contracts module's build). */
    private static Map<String, List<JsonNode>> abiEventInputs(String contract) {
        String resource = "/io/datatoken/contracts/" + contract + ".abi";
        try (InputStream in = LedgerEventDecoder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the contracts jar");
            }
            Map<String, List<JsonNode>> events = new HashMap<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                if ("event".equals(entry.path("type").asText())) {
                    List<JsonNode> inputs = new ArrayList<>();
                    entry.path("inputs").forEach(inputs::add);
                    events.put(entry.path("name").asText(), inputs);
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
