package io.datatoken.compute.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class RingMatricesTest {

    /** 1 and 2^63 as little-endian uint64: the same text test_ops.py expects from the ops. */
    private static final String ONE_AND_TOP = "AQAAAAAAAAAAAAAAAAAAgA==";

    @Test
    void theDataIsLittleEndianUint64InRowOrder() {
        assertThat(RingMatrices.parse("{\"rows\":1,\"cols\":2,\"data\":\"" + ONE_AND_TOP + "\"}"))
                .isDeepEqualTo(new long[][] {{1, Long.MIN_VALUE}});
        assertThat(RingMatrices.parse("{\"data\":\"" + ONE_AND_TOP + "\",\"cols\":1,\"rows\":2}"))
                .isDeepEqualTo(new long[][] {{1}, {Long.MIN_VALUE}});
    }

    @Test
    void ringElementsUpTo2To64Minus1RoundTripAsTheirLow64Bits() {
        long[][] m = {{0, -1, 0x9E3779B97F4A7C15L}, {1, Long.MIN_VALUE, Long.MAX_VALUE}};
        String text = RingMatrices.json(m);
        assertThat(text).startsWith("{\"rows\":2,\"cols\":3,\"data\":\"").endsWith("\"}");
        assertThat(RingMatrices.parse(text)).isDeepEqualTo(m);
    }

    @Test
    void malformedMatricesAreRefused() {
        assertThatThrownBy(() -> RingMatrices.parse("{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RingMatrices.parse("[[1,2],[3,4]]")).hasMessageContaining("exactly \"rows\", \"cols\" and \"data\"");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", ONE_AND_TOP, ",\"scale\":16")))
                .hasMessageContaining("exactly \"rows\", \"cols\" and \"data\"");
        assertThatThrownBy(() -> RingMatrices.parse("{\"rows\":1,\"cols\":2}")).hasMessageContaining("exactly");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("0", "2", ONE_AND_TOP, ""))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "-2", ONE_AND_TOP, ""))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1.5", "2", ONE_AND_TOP, ""))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("\"1\"", "2", ONE_AND_TOP, ""))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RingMatrices.parse("{\"rows\":1,\"cols\":2,\"data\":[1,2]}")).hasMessageContaining("base64 string");
    }

    @Test
    void theDataMustBeStandardPaddedBase64OfExactlyRowsTimesColsWords() {
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "1", ONE_AND_TOP, "")))
                .hasMessageContaining("is 12 characters of base64, not 24");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", "AQAAAAAAAAAAAAAA!AAAgA==", "")))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", "AQAAAAAAAAAAAAAA_AAAgA==", "")))
                .hasMessageContaining("not base64");  // base64url is not standard base64
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", "AQAAAAAAAAAAAAAAAAAAgAAA", "")))
                .hasMessageContaining("standard padded base64 of 16 bytes");  // no padding: 18 bytes
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", "AQAAAAAAAAAAAAAAAAAAgB==", "")))
                .hasMessageContaining("standard padded base64");  // stray bits after the last byte
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "2", "AQAAAAAAAAAAAAAA\\nAAAgA==", "")))
                .hasMessageContaining("not base64");  // no line breaks (MIME)
        String zeros = Base64.getEncoder().encodeToString(new byte[24]);
        assertThat(RingMatrices.parse(matrix("1", "3", zeros, ""))).isDeepEqualTo(new long[1][3]);
    }

    @Test
    void hugeMatricesAreRefusedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> RingMatrices.parse(matrix("134217728", "2", ONE_AND_TOP, "")))
                .hasMessageContaining("at most 134217728 elements");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("1", "99999999999999999999999", ONE_AND_TOP, "")))
                .hasMessageContaining("at most 134217728 elements");
        assertThatThrownBy(() -> RingMatrices.parse(matrix("65536", "2048", ONE_AND_TOP, "")))
                .hasMessageContaining("characters of base64, not 24");  // 2^27 elements: allowed, but not this data
    }

    @Test
    void anOpsOutputIsCheckedAndForwardedInCanonicalForm() {
        String spaced = "{ \"data\" : \"\\u0041QAAAAAAAAAAAAAAAAAAgA==\", \"cols\" : 2, \"rows\" : 1 }";
        String canonical = "{\"rows\":1,\"cols\":2,\"data\":\"" + ONE_AND_TOP + "\"}";
        assertThat(RingMatrices.listFromOutput("{\"shares\":[" + spaced + "," + canonical + "]}", "shares"))
                .containsExactly(canonical, canonical);
        assertThat(RingMatrices.fromOutput("{\"sum\":" + spaced + "}", "sum")).isEqualTo(canonical);
        assertThat(RingMatrices.canonical(spaced)).isEqualTo(canonical);
        assertThatThrownBy(() -> RingMatrices.fromOutput("{\"total\":" + canonical + "}", "sum"))
                .hasMessageContaining("no matrix 'sum'");
        assertThatThrownBy(() -> RingMatrices.listFromOutput("{\"shares\":" + canonical + "}", "shares"))
                .hasMessageContaining("no array 'shares'");
        assertThatThrownBy(() -> RingMatrices.listFromOutput("{\"shares\":[" + canonical + ",[[1]]]}", "shares"))
                .hasMessageContaining("exactly");
        assertThatThrownBy(() -> RingMatrices.fromOutput("[1]", "sum")).hasMessageContaining("not a JSON object");
    }

    @Test
    void realMatricesAreWrittenAsJsonNumbers() {
        assertThat(RingMatrices.json(new double[][] {{1.5, -2}, {0, 3}})).isEqualTo("[[1.5,-2.0],[0.0,3.0]]");
    }

    private static String matrix(String rows, String cols, String data, String extra) {
        return "{\"rows\":" + rows + ",\"cols\":" + cols + ",\"data\":\"" + data + "\"" + extra + "}";
    }
}
