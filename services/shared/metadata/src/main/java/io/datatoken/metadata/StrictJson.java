package io.datatoken.metadata;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON reader for documents whose hash matters: invalid UTF-8, duplicate keys and trailing
 * content are errors, since each would let two readers see different documents behind the same bytes.
 */
final class StrictJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /**
     * Decodes the UTF-8 strictly first, then parses the text: Jackson's byte parser rejects an
     * escaped surrogate pair in a member name ({@code "\ud83d\ude00"}), its text parser does not.
     */
    static JsonNode read(byte[] json) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8(e);
        }
        return MAPPER.readTree(text);
    }

    /** The bytes are not UTF-8, so not JSON (RFC 8259 section 8.1). */
    static final class InvalidUtf8 extends IOException {
        InvalidUtf8(CharacterCodingException cause) {
            super("the bytes are not valid UTF-8", cause);
        }
    }
}
