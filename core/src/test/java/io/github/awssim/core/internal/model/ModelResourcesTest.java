package io.github.awssim.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator of awssim's model resources, and the check that the committed resources are what it
 * generates from {@code ../shared/models} (botocore's service-2.json and paginators-1.json, matching SDK
 * 2.40.2). Regenerate with {@code mvn -pl core test -Dtest=ModelResourcesTest -Dawssim.regenerateModels=true}.
 */
class ModelResourcesTest {
    private static final Set<String> DROPPED_KEYS = Set.of("documentation", "documentationUrl", "examples");
    private static final Path RESOURCES = Paths.get("src/main/resources/io/github/awssim/core/models");

    static List<String> services() {
        return new ArrayList<>(ServiceModels.RESOURCES.values());
    }

    @ParameterizedTest
    @MethodSource("services")
    void committedResourceIsWhatTheGeneratorMakesFromTheSharedModels(String name) throws IOException {
        Path shared = Paths.get(System.getProperty("awssim.shared.dir", "../../shared"), "models", name);
        assumeTrue(Files.isDirectory(shared), "shared models not beside the checkout: " + shared);

        String generated = generate(shared);
        Path committed = RESOURCES.resolve(name + ".json");
        if (Boolean.getBoolean("awssim.regenerateModels")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
            .as("%s is stale; regenerate with -Dawssim.regenerateModels=true", committed)
            .isEqualTo(generated);
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyModeledErrorHasAStatusInTheEditableErrorTable(String name) {
        String sdkName = ServiceModels.RESOURCES.entrySet().stream()
            .filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
        // Loading fails with a message naming the error when the table lacks one.
        ServiceModel model = ServiceModels.forService(sdkName).orElseThrow();
        long modeled = model.shapes().values().stream().filter(ShapeModel::isException).count();
        assertThat(model.errors()).hasSize((int) modeled);
    }

    @SuppressWarnings("unchecked")
    static String generate(Path sharedServiceDir) throws IOException {
        Map<String, Object> service;
        try (InputStream in = Files.newInputStream(sharedServiceDir.resolve("service-2.json"))) {
            service = (Map<String, Object>) strip(JsonTree.read(in));
        }
        Path pages = sharedServiceDir.resolve("paginators-1.json");
        if (Files.exists(pages)) {
            try (InputStream in = Files.newInputStream(pages)) {
                Object pagination = ((Map<String, Object>) JsonTree.read(in)).get("pagination");
                service.put("paginators", pagination == null ? Map.of() : pagination);
            }
        }
        return JsonTree.write(service);
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object tree) {
        if (tree instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) tree).forEach((k, v) -> {
                if (!DROPPED_KEYS.contains(k)) {
                    out.put(k, strip(v));
                }
            });
            return out;
        }
        if (tree instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) tree) {
                out.add(strip(o));
            }
            return out;
        }
        return tree;
    }
}
