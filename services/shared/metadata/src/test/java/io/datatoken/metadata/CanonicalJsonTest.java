package io.datatoken.metadata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    /** RFC 8785, Appendix B: IEEE 754 bit patterns and their required serialization. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void serializes_numbers_as_ecmascript_does(String ieee754, String expected) {
        double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(ieee754));

        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }

    @Test
    void has_no_form_for_nan_or_infinity() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.number(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.number(Double.POSITIVE_INFINITY));
    }

    /** RFC 8785, section 3.2.2: the sample input and its canonical form. */
    @Test
    void canonicalizes_the_rfc_sample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;

        assertThat(new String(CanonicalJson.canonicalize(input.getBytes(UTF_8)), UTF_8)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785, section 3.2.3: members sorted by UTF-16 code units, not by code points or locale. */
    @Test
    void sorts_members_by_utf16_code_units() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        assertThat(new String(CanonicalJson.canonicalize(input.getBytes(UTF_8)), UTF_8)).isEqualTo(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void is_independent_of_key_order_and_whitespace() {
        byte[] one = "{\"b\":[1,{\"y\":2,\"x\":1}],\"a\":\"t\"}".getBytes(UTF_8);
        byte[] other = "\n{ \"a\" : \"t\",\r\n\t\"b\" : [ 1.0 , { \"x\" : 1, \"y\" : 2e0 } ] }\n".getBytes(UTF_8);

        assertThat(CanonicalJson.canonicalize(other)).isEqualTo(CanonicalJson.canonicalize(one))
                .asString(UTF_8).isEqualTo("{\"a\":\"t\",\"b\":[1,{\"x\":1,\"y\":2}]}");
    }

    @Test
    void escapes_only_what_json_requires() {
        byte[] input = "[\"\\u0001\\b\\t\\n\\f\\r\\u001f \\u2028 é /\"]".getBytes(UTF_8);

        assertThat(new String(CanonicalJson.canonicalize(input), UTF_8))
                .isEqualTo("[\"\\u0001\\b\\t\\n\\f\\r\\u001f \u2028 é /\"]");
    }

    @Test
    void rejects_lone_surrogates_duplicate_keys_and_trailing_content() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[\"\\ud800\"]".getBytes(UTF_8)))
                .withMessageContaining("lone surrogate");
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}".getBytes(UTF_8)));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{} {}".getBytes(UTF_8)));
    }
}
