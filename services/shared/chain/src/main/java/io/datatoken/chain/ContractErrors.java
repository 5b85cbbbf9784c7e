package io.datatoken.chain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;

import io.datatoken.domain.organization.OrganizationAlias;

/**
 * Names the custom errors of one contract from revert data. web3j reports a revert only as hex
 * data, so the 4-byte selectors of every {@code CustomError} constant of the generated wrapper
 * are indexed here; new errors in the contract are known as soon as the wrapper is regenerated.
 */
final class ContractErrors {

    /** A decoded revert: the error name and its arguments, rendered for people. */
    record Revert(String name, List<String> arguments) {

        String signature() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]*");

    private final Map<String, CustomError> bySelector;

    private ContractErrors(Map<String, CustomError> bySelector) {
        this.bySelector = Map.copyOf(bySelector);
    }

    /** Indexes the public static CustomError constants of a generated wrapper class. */
    static ContractErrors of(Class<?> wrapper) {
        Map<String, CustomError> errors = new HashMap<>();
        for (Field field : wrapper.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == CustomError.class) {
                try {
                    CustomError error = (CustomError) field.get(null);
                    errors.put(selector(error), error);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        return new ContractErrors(errors);
    }

    static String selector(CustomError error) {
        return CustomErrorEncoder.encode(error).substring(0, 10).toLowerCase(Locale.ROOT);
    }

    Map<String, String> selectorsByName() {
        return bySelector.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getValue().getName(), Map.Entry::getKey));
    }

    /**
     * The custom error in the revert data ({@code 0x} + selector + ABI-encoded arguments), if
     * known. web3j keeps a JSON-RPC error's {@code data} as raw JSON (a quoted string, or an
     * object on some nodes), so the first hex string in it is taken.
     */
    Optional<Revert> decode(String errorData) {
        String revertData = hexIn(errorData);
        if (revertData == null || revertData.length() < 10) {
            return Optional.empty();
        }
        CustomError error = bySelector.get(revertData.substring(0, 10).toLowerCase(Locale.ROOT));
        if (error == null) {
            return Optional.empty();
        }
        List<Type> values = FunctionReturnDecoder.decode("0x" + revertData.substring(10), error.getParameters());
        return Optional.of(new Revert(error.getName(), values.stream().map(ContractErrors::render).toList()));
    }

    /** The first {@code 0x...} hex string in raw JSON-RPC error data, or null. */
    static String hexIn(String errorData) {
        if (errorData == null) {
            return null;
        }
        Matcher hex = HEX.matcher(errorData);
        return hex.find() ? hex.group() : null;
    }

    private static String render(Type<?> value) {
        if (value instanceof Bytes32 bytes) {
            try {
                OrganizationAlias alias = OrganizationIds.toAlias(bytes.getValue());
                return alias == null ? "0x0" : alias.value();
            } catch (IllegalStateException notAnAlias) {
                return org.web3j.utils.Numeric.toHexString(bytes.getValue());
            }
        }
        if (value instanceof Address address) {
            return address.getValue();
        }
        return String.valueOf(value.getValue());
    }
}
