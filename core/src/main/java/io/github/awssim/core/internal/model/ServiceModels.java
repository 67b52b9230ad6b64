package io.github.awssim.core.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models awssim ships, loaded on first use and cached for the JVM. Keyed by the SDK's service name
 * ({@code MarketplaceMetering}), which is also the prefix of the service's client interface.
 */
public final class ServiceModels {
    /** SDK service name to the botocore name of the committed resource. */
    public static final Map<String, String> RESOURCES = Map.of(
        "MarketplaceMetering", "meteringmarketplace",
        "ApplicationCostProfiler", "applicationcostprofiler",
        "BcmPricingCalculator", "bcm-pricing-calculator",
        "S3", "s3");

    private static final String RESOURCE_DIR = "/io/github/awssim/core/models/";
    private static final Map<String, ServiceModel> CACHE = new ConcurrentHashMap<>();

    private ServiceModels() {
    }

    /** The model for an SDK service name, or empty when awssim ships none (any other AWS service). */
    public static Optional<ServiceModel> forService(String sdkServiceName) {
        String resource = RESOURCES.get(sdkServiceName);
        if (resource == null) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(sdkServiceName, n -> load(n, resource)));
    }

    /** The model whose signing name, endpoint prefix or JSON target prefix is {@code id}. */
    public static Optional<ServiceModel> byWireIdentity(String id) {
        for (String name : RESOURCES.keySet()) {
            ServiceModel m = forService(name).orElseThrow();
            if (id.equals(m.signingName()) || id.equals(m.endpointPrefix()) || m.targetPrefix().filter(id::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static ServiceModel load(String sdkServiceName, String resource) {
        Map<String, Object> tree;
        try (InputStream in = open(resource + ".json")) {
            tree = (Map<String, Object>) JsonTree.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties errors = new Properties();
        try (InputStream in = open(resource + ".errors.properties")) {
            errors.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceModel(sdkServiceName, resource, tree, errors);
    }

    private static InputStream open(String file) {
        InputStream in = ServiceModels.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new IllegalStateException("awssim: the model resource " + RESOURCE_DIR + file
                + " is missing from awssim-core; the jar is incomplete");
        }
        return in;
    }
}
