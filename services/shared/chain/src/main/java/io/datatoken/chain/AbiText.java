package io.datatoken.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.utils.Numeric;

/**
 * The text form of a decoded event value, one spelling per value: addresses and bytes as lower-case
 * {@code 0x} hex, integers in decimal, booleans as {@code true}/{@code false}, strings as they are, and
 * arrays (structs too) as a JSON array of their elements' text forms.
 */
final class AbiText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AbiText() {
    }

    static String of(Type<?> value) {
        return switch (value) {
            case Address address -> address.getValue().toLowerCase(Locale.ROOT);
            case BytesType bytes -> Numeric.toHexString(bytes.getValue()).toLowerCase(Locale.ROOT);
            case NumericType number -> number.getValue().toString();
            case Bool bool -> bool.getValue().toString();
            case Utf8String string -> string.getValue();
            case Array<?> array -> json(array.getValue());
            default -> throw new IllegalArgumentException("no text form for ABI type " + value.getTypeAsString());
        };
    }

    private static String json(List<?> elements) {
        try {
            return JSON.writeValueAsString(elements.stream().map(e -> of((Type<?>) e)).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
