package io.github.awssim.junit.internal;

import io.github.awssim.sdk.GlobalSimulation;
import io.github.awssim.sdk.SimulatedClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The JVM-global system properties the zero-code swap needs: the SDK's two HTTP-service properties,
 * {@code aws.region}, and credentials. Any access key works with awssim (every key maps to the
 * simulation's account), so credentials already set as system properties are kept; the region must be
 * the simulation's.
 */
public final class ZeroCodeProperties {
    static final String REGION = "aws.region";
    static final String ACCESS_KEY_ID = "aws.accessKeyId";
    static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";

    private ZeroCodeProperties() {
    }

    /** The writes needed now for a simulation in {@code region}; empty when the JVM already has everything. */
    public static Map<String, String> missing(Region region) {
        Map<String, String> writes = new LinkedHashMap<>();
        GlobalSimulation.httpServiceProperties().forEach((k, v) -> {
            if (!v.equals(System.getProperty(k))) {
                writes.put(k, v);
            }
        });
        if (!region.id().equals(System.getProperty(REGION))) {
            writes.put(REGION, region.id());
        }
        if (isBlank(System.getProperty(ACCESS_KEY_ID)) || isBlank(System.getProperty(SECRET_ACCESS_KEY))) {
            writes.put(ACCESS_KEY_ID, SimulatedClients.ACCESS_KEY_ID);
            writes.put(SECRET_ACCESS_KEY, SimulatedClients.SECRET_ACCESS_KEY);
        }
        return writes;
    }

    /** Sets {@code writes}; closing the result puts back what was there before (or clears what was absent). */
    public static AutoCloseable apply(Map<String, String> writes) {
        Map<String, String> previous = new LinkedHashMap<>();
        writes.forEach((k, v) -> {
            previous.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
        return () -> previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
