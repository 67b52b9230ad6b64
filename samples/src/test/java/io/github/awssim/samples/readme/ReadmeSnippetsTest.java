package io.github.awssim.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ```java block of README.md must be code that a test compiles and runs (whitespace aside). */
class ReadmeSnippetsTest {
    private static final Path ROOT = Paths.get("..");
    private static final List<Path> EXAMPLES = List.of(
        ROOT.resolve("samples/src/test/java/io/github/awssim/samples/readme/ReadmeExamplesTest.java"),
        ROOT.resolve("sdk-adapter/src/test/java/io/github/awssim/sdk/metering/MeteringReadmeExampleTest.java"),
        ROOT.resolve("samples/src/test/java/io/github/awssim/samples/metering/HourlyMeteringAgentExtensionTest.java"),
        ROOT.resolve("samples/src/test/java/io/github/awssim/samples/readme/JUnitReadmeExamplesTest.java"),
        ROOT.resolve("sdk-adapter/src/test/java/io/github/awssim/sdk/pricingcalculator/PricingCalculatorReadmeExampleTest.java"),
        ROOT.resolve("sdk-adapter/src/test/java/io/github/awssim/sdk/s3/S3ReadmeExampleTest.java"),
        ROOT.resolve("sdk-adapter/src/test/java/io/github/awssim/sdk/costprofiler/CostProfilerReadmeExampleTest.java"),
        ROOT.resolve("sdk-adapter/src/test/java/io/github/awssim/sdk/SimulationServerTest.java"));

    @Test
    void readmeJavaBlocksAreCompiledExamples() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        StringBuilder sources = new StringBuilder();
        for (Path p : EXAMPLES) {
            sources.append(normalize(Files.readString(p, StandardCharsets.UTF_8)));
        }
        List<String> blocks = javaBlocks(readme);
        assertThat(blocks).as("README's java examples").hasSizeGreaterThanOrEqualTo(6);
        for (String block : blocks) {
            assertThat(sources.toString())
                .as("README block not found in the compiled examples:%n%s", block)
                .contains(normalize(block));
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        StringBuilder current = null;
        for (String line : lines) {
            if (current == null && line.trim().equals("```java")) {
                current = new StringBuilder();
            } else if (current != null && line.trim().equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static String normalize(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
