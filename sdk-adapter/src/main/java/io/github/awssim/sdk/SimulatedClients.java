package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.sdk.internal.AdapterMessages;
import io.github.awssim.sdk.internal.VirtualBackoffRetryStrategy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Ready real SDK clients, sync or async, for any service, bound to a simulation: awssim's HTTP client,
 * fake static credentials, the simulation's region, and retries that keep the SDK's classification,
 * attempt counts and computed delays but let those delays pass on the simulation's clock instead of
 * sleeping (a throttled call retried four times takes microseconds, and {@code sim.clock()} moves by
 * the backoff the SDK chose).
 *
 * <pre>{@code
 * MarketplaceMeteringClient metering = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
 * MarketplaceMeteringAsyncClient async = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class);
 *
 * S3Client slow = SimulatedClients.of(sim).withRealBackoff().create(S3Client.class);     // SDK sleeps as usual
 * MarketplaceMeteringClient custom = SimulatedClients.of(sim)
 *         .withOverrides(o -> o.addMetricPublisher(myPublisher))
 *         .create(MarketplaceMeteringClient.class);
 * S3AsyncClient multipart = SimulatedClients.of(sim)
 *         .configure(S3AsyncClientBuilder.class, b -> b.multipartEnabled(true).forcePathStyle(true))
 *         .create(S3AsyncClient.class);
 * }</pre>
 *
 * Immutable; each {@code with...} returns a copy.
 */
public final class SimulatedClients {
    /** The access key of awssim-built clients; any key works, this one reads as fake in logs. */
    public static final String ACCESS_KEY_ID = "AKIDAWSSIMEXAMPLE";
    public static final String SECRET_ACCESS_KEY = "awssim-fake-secret";

    private final Simulation simulation;
    private final Region region;
    private final boolean virtualBackoff;
    private final Consumer<ClientOverrideConfiguration.Builder> overrides;
    private final List<Consumer<Object>> settings;

    private SimulatedClients(Simulation simulation, Region region, boolean virtualBackoff,
                             Consumer<ClientOverrideConfiguration.Builder> overrides, List<Consumer<Object>> settings) {
        this.simulation = simulation;
        this.region = region;
        this.virtualBackoff = virtualBackoff;
        this.overrides = overrides;
        this.settings = settings;
    }

    /** Clients for {@code simulation} with the defaults above. */
    public static SimulatedClients of(Simulation simulation) {
        Objects.requireNonNull(simulation, "simulation");
        return new SimulatedClients(simulation, simulation.region(), true, o -> { }, List.of());
    }

    /** Shorthand for {@code of(simulation).create(clientInterface)}. */
    public static <T extends SdkClient> T create(Simulation simulation, Class<T> clientInterface) {
        return of(simulation).create(clientInterface);
    }

    /** Clients that sleep through the SDK's retry backoff, as in production. */
    public SimulatedClients withRealBackoff() {
        return new SimulatedClients(simulation, region, false, overrides, settings);
    }

    /** Clients in another region than the simulation's default. */
    public SimulatedClients withRegion(Region region) {
        return new SimulatedClients(simulation, Objects.requireNonNull(region, "region"), virtualBackoff, overrides, settings);
    }

    /**
     * Further client configuration (metric publishers, interceptors, timeouts, a retry strategy, mode or
     * configurator of your own: its backoff passes on the simulation clock too, unless {@link #withRealBackoff()}).
     */
    public SimulatedClients withOverrides(Consumer<ClientOverrideConfiguration.Builder> more) {
        Objects.requireNonNull(more, "more");
        return new SimulatedClients(simulation, region, virtualBackoff, overrides.andThen(more), settings);
    }

    /**
     * Service-specific builder settings, applied to clients whose builder is a {@code builderType}: S3's
     * {@code forcePathStyle}, {@code crossRegionAccessEnabled} ({@code S3BaseClientBuilder}) or
     * {@code multipartEnabled} ({@code S3AsyncClientBuilder}), say. Clients of other services ignore them.
     */
    public <B> SimulatedClients configure(Class<B> builderType, Consumer<? super B> builderSettings) {
        Objects.requireNonNull(builderType, "builderType");
        Objects.requireNonNull(builderSettings, "builderSettings");
        List<Consumer<Object>> more = new ArrayList<>(settings);
        more.add(b -> {
            if (builderType.isInstance(b)) {
                builderSettings.accept(builderType.cast(b));
            }
        });
        return new SimulatedClients(simulation, region, virtualBackoff, overrides, List.copyOf(more));
    }

    /**
     * A new client of the given sync or async interface, e.g. {@code MarketplaceMeteringClient.class} or
     * {@code MarketplaceMeteringAsyncClient.class}. Close it when done, as any SDK client.
     */
    public <T extends SdkClient> T create(Class<T> clientInterface) {
        Objects.requireNonNull(clientInterface, "clientInterface");
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder();
        overrides.accept(o);
        if (virtualBackoff) {
            o.retryStrategy(new VirtualBackoffRetryStrategy(resolvedRetryStrategy(clientInterface, o),
                CoreAccess.engine(simulation)));
        }
        return build(clientInterface, o.build());
    }

    private <T extends SdkClient> T build(Class<T> clientInterface, ClientOverrideConfiguration overrideConfiguration) {
        Object builder = builderOf(clientInterface);
        if (!(builder instanceof AwsClientBuilder)) {
            throw new IllegalArgumentException(AdapterMessages.notAClientInterface(clientInterface));
        }
        SimulatedHttpClient http = SimulatedHttpClient.create(simulation);
        if (builder instanceof SdkSyncClientBuilder) {
            ((SdkSyncClientBuilder<?, ?>) builder).httpClient(http);
        } else if (builder instanceof SdkAsyncClientBuilder) {
            ((SdkAsyncClientBuilder<?, ?>) builder).httpClient(http);
        } else {
            throw new IllegalArgumentException(AdapterMessages.notAClientInterface(clientInterface));
        }
        AwsClientBuilder<?, ?> aws = (AwsClientBuilder<?, ?>) builder;
        aws.region(region);
        aws.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
        aws.overrideConfiguration(overrideConfiguration);
        settings.forEach(s -> s.accept(builder));
        try {
            return clientInterface.cast(((SdkBuilder<?, ?>) builder).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(AdapterMessages.cannotBuildClient(clientInterface, e), e);
        }
    }

    /**
     * The retry strategy the SDK resolves for this client with these overrides (a strategy, a mode, a
     * configurator of the default, or the service's own defaults: DynamoDB retries 8 times, most services 3),
     * read from a client built the same way, so virtual backoff wraps exactly what the SDK would have used.
     */
    private RetryStrategy resolvedRetryStrategy(Class<? extends SdkClient> clientInterface, ClientOverrideConfiguration.Builder o) {
        if (o.retryStrategy() instanceof VirtualBackoffRetryStrategy) {
            return ((VirtualBackoffRetryStrategy) o.retryStrategy()).delegate();
        }
        try (SdkClient probe = build(clientInterface, o.build())) {
            return probe.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                .orElseGet(() -> AwsRetryStrategy.forRetryMode(RetryMode.defaultRetryMode()));
        }
    }

    private static Object builderOf(Class<?> clientInterface) {
        if (!clientInterface.isInterface() || !SdkClient.class.isAssignableFrom(clientInterface)) {
            throw new IllegalArgumentException(AdapterMessages.notAClientInterface(clientInterface));
        }
        try {
            Method builder = clientInterface.getMethod("builder");
            return builder.invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(AdapterMessages.notAClientInterface(clientInterface), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(AdapterMessages.cannotBuildClient(clientInterface, e.getCause()), e.getCause());
        }
    }
}
