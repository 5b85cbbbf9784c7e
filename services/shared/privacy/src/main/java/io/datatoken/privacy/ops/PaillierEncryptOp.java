package io.datatoken.privacy.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datatoken.privacy.paillier.DataOwner;
import io.datatoken.privacy.paillier.EncryptionKey;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Op {@code paillier-encrypt}, next to a data owner's column: {@code {"owner", "publicKey", "column":
 * [number or decimal string]}} → {@code {"values": {"keyId", "owner", "ciphertexts"}}}, one ciphertext per
 * value, for the compute node that adds them.
 */
public final class PaillierEncryptOp {

    private PaillierEncryptOp() {
    }

    public static void main(String[] args) {
        OpIo.main(PaillierEncryptOp::run, System.in, System.out, System.err);
    }

    static ObjectNode run(JsonNode input) {
        EncryptionKey key = PaillierWire.publicKey(input);
        JsonNode column = OpIo.arrayField(input, "column");
        int most = mostValues(key);
        if (column.size() > most) {
            throw new IllegalArgumentException("'column' has " + column.size() + " values; under a " + key.publicKey().bits()
                    + "-bit key at most " + most + " ciphertexts fit in an op's output: split the column between owners");
        }
        List<BigDecimal> values = new ArrayList<>(column.size());
        for (int row = 0; row < column.size(); row++) {
            values.add(PaillierWire.decimal(column.get(row), "column row " + row));
        }
        var owner = new DataOwner(OpIo.textField(input, "owner"), key, new SecureRandom());
        ObjectNode output = OpIo.JSON.createObjectNode();
        output.set("values", PaillierWire.values(owner.encrypt(values)));
        return output;
    }

    /** Ciphertexts (below n^2, in base64, quoted, with a comma) that fit in an op's output, less a margin. */
    static int mostValues(EncryptionKey key) {
        int bytes = key.publicKey().modulusSquared().bitLength() / 8 + 1;
        int perValue = 4 * Math.ceilDiv(bytes, 3) + 3;
        return (OpIo.MAX_OUTPUT_BYTES - 64 * 1024) / perValue;
    }
}
