import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.web3j.codegen.SolidityFunctionWrapperGenerator;

/**
 * Generates a web3j wrapper for every {@code <Contract>.abi} + {@code <Contract>.bin} pair that
 * scripts/compile.mjs wrote. Run with the java source launcher by the Maven build; it loops over
 * the directory so new contracts need no pom change, and it throws instead of calling
 * System.exit like the codegen's own command line does.
 *
 * <p>Usage: {@code java -cp <codegen classpath> scripts/GenerateWrappers.java <solcDir> <outputDir> <package>}
 */
public class GenerateWrappers {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateWrappers <solcDir> <outputDir> <package>");
        }
        Path solcDir = Path.of(args[0]);
        File outputDir = new File(args[1]);
        String packageName = args[2];

        List<Path> abis = abiFiles(solcDir);
        if (abis.isEmpty()) {
            throw new IllegalStateException("no .abi files in " + solcDir + ": run scripts/compile.mjs first");
        }
        for (Path abi : abis) {
            String contract = abi.getFileName().toString().replaceFirst("\\.abi$", "");
            Path bin = solcDir.resolve(contract + ".bin");
            if (!Files.isRegularFile(bin)) {
                throw new IllegalStateException("missing " + bin + " next to " + abi);
            }
            // Java native types (BigInteger, String, byte[]), 20-byte addresses, no ABI getters.
            new SolidityFunctionWrapperGenerator(
                    bin.toFile(), abi.toFile(), outputDir, contract, packageName, true, false, 20)
                    .generate();
        }
    }

    private static List<Path> abiFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".abi")).sorted().toList();
        }
    }
}
