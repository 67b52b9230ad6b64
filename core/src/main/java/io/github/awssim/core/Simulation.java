package io.github.awssim.core;

import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.internal.CoreAccess;
import io.github.awssim.core.internal.Messages;
import io.github.awssim.core.services.costprofiler.CostProfilerSimulator;
import io.github.awssim.core.services.metering.MeteringSimulator;
import io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator;
import io.github.awssim.core.services.s3.S3Simulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A simulated AWS: the state of every simulated service, a controllable clock, and a journal of every
 * call. Real SDK clients reach it through awssim's HTTP client ({@code SimulatedHttpClient.create(sim)}
 * in {@code awssim-sdk-adapter}); tests read and seed its state through typed APIs such as
 * {@link #metering()}.
 *
 * <pre>{@code
 * Simulation sim = Simulation.create();
 * MarketplaceMeteringClient metering = MarketplaceMeteringClient.builder()
 *         .httpClient(SimulatedHttpClient.create(sim))
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
 *         .build();
 * metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
 *         .timestamp(sim.clock().instant()));
 * }</pre>
 *
 * <p><b>Backends.</b> Each service is answered by a backend that implements the SDK's own sync client
 * interface: awssim's simulator by default ({@link #backend(Class)}); any implementation you
 * {@link #register(Class, SdkClient) register} instead, including a Mockito spy of the simulator or a
 * partial implementation of a service awssim does not ship. An operation a backend does not implement
 * answers an {@code awssim:} error naming it.
 *
 * <p>Thread-safe. Simulations share nothing; close one when done (clients bound to a closed simulation
 * get an error, and while any simulation is open, awssim stops requests that would reach real AWS).
 */
public final class Simulation implements AutoCloseable {
    static {
        CoreAccess.install(sim -> sim.engine);
    }

    private final long seed;
    private final String accountId;
    private final Region region;
    private final SimulationClock clock;
    private final SimulationEngine engine;

    private Simulation(Builder b) {
        this.seed = b.seed != null ? b.seed : new SecureRandom().nextLong();
        this.accountId = b.accountId;
        this.region = b.region;
        this.clock = new SimulationClock(b.startTime, b.wallClock);
        this.engine = new SimulationEngine(this, clock, seed, b.journalCapacity);
        this.engine.install(b.faults);
    }

    /** A simulation with a live clock, a random seed, account {@code 123456789012} and region us-east-1. */
    public static Simulation create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The simulation's time; see {@link SimulationClock} for live and fixed modes. */
    public SimulationClock clock() {
        return clock;
    }

    /** Every call that reached this simulation, with its attempts and outcomes. */
    public Journal journal() {
        return engine.journal();
    }

    /**
     * The stubs: answers you choose for chosen calls, ahead of the service's backend, in sequences and
     * counts ("throttle twice, then the simulator"). See {@link Stubs}.
     */
    public Stubs stubs() {
        return engine.stubs();
    }

    /**
     * Installs a fault plan, replacing the current one and starting its counts afresh. Faults are drawn
     * from this simulation's seed, so the same seed and call order replay them. See {@link FaultPlan}.
     *
     * @return this simulation
     */
    public Simulation install(FaultPlan plan) {
        engine.install(Objects.requireNonNull(plan, "plan"));
        return this;
    }

    /** The installed fault plan ({@link FaultPlan#none()} until one is installed). */
    public FaultPlan faultPlan() {
        return engine.faultPlan();
    }

    /** The seed of this simulation's randomness (ids, sampled faults); pass it to the builder to replay a run. */
    public long seed() {
        return seed;
    }

    /** The account that calls belong to (every access key maps to it). */
    public String accountId() {
        return accountId;
    }

    /** The region clients built by awssim use, and the region typed state APIs address by default. */
    public Region region() {
        return region;
    }

    /**
     * The backend answering a service: the one {@link #register registered} for it, else awssim's
     * simulator. Fails with an {@code awssim:} message for a service awssim does not simulate.
     *
     * @param clientInterface the SDK's sync client interface, e.g. {@code MarketplaceMeteringClient.class}
     */
    public <T extends SdkClient> T backend(Class<T> clientInterface) {
        return engine.backend(clientInterface);
    }

    /**
     * Makes {@code backend} answer every call to its service from now on. To count or stub calls while
     * keeping the simulator's behaviour, register a spy of it:
     * <pre>{@code
     * MarketplaceMeteringClient spy = Mockito.spy(sim.backend(MarketplaceMeteringClient.class));
     * sim.register(MarketplaceMeteringClient.class, spy);
     * }</pre>
     * Operations the backend leaves to the interface's default methods answer an {@code awssim:} error.
     *
     * @return this simulation
     */
    public <T extends SdkClient> Simulation register(Class<T> clientInterface, T backend) {
        Objects.requireNonNull(backend, "backend");
        engine.register(clientInterface, backend);
        return this;
    }

    /**
     * Replaces a service's backend by a Mockito spy of it and returns the spy, in one line: the spy
     * behaves as the backend (sharing the simulator's state) and counts what reached the service,
     * retries included. Calling it again returns the same spy. Needs Mockito on the classpath.
     * <pre>{@code
     * MarketplaceMeteringClient backend = sim.spyBackend(MarketplaceMeteringClient.class);
     * ...
     * verify(backend, times(3)).meterUsage(any());
     * }</pre>
     */
    public synchronized <T extends SdkClient> T spyBackend(Class<T> clientInterface) {
        // synchronized: tests sharing a simulation, asking at once, must get one spy
        T backend = engine.backend(clientInterface);
        if (MockitoBridge.isSpy(backend)) {
            return backend;
        }
        T spy = clientInterface.cast(MockitoBridge.spy(backend));
        engine.register(clientInterface, spy);
        return spy;
    }

    /** AWS Marketplace Metering: products, customers, registration tokens, caller identity, metered records. */
    public MeteringSimulator metering() {
        return (MeteringSimulator) engine.builtIn(MarketplaceMeteringClient.class);
    }

    /**
     * AWS Billing and Cost Management Pricing Calculator: rates, commitment prices, account type, estimate delays,
     * quotas, faults, and the bill scenarios, bill estimates and workload estimates of the simulation.
     */
    public PricingCalculatorSimulator pricingCalculator() {
        return (PricingCalculatorSimulator) engine.builtIn(BcmPricingCalculatorClient.class);
    }

    /**
     * AWS Application Cost Profiler: report definitions, usage imported from this simulation's S3, the resource costs
     * reports split between tenants, and the reports written to S3 as the simulation clock passes day and month
     * boundaries.
     */
    public CostProfilerSimulator costProfiler() {
        return (CostProfilerSimulator) engine.builtIn(ApplicationCostProfilerClient.class);
    }

    /**
     * Amazon S3: buckets, objects (streamed, large ones in temporary files), versions, multipart uploads. The
     * same state every {@code S3Client} and {@code S3AsyncClient} of this simulation sees, and other simulators
     * read.
     */
    public S3Simulator s3() {
        return (S3Simulator) engine.builtIn(S3Client.class);
    }

    /**
     * Stops answering: calls that reach a closed simulation get an {@code awssim:} error. Deletes the temporary
     * files of S3 objects. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }

    public boolean isClosed() {
        return engine.isClosed();
    }

    @Override
    public String toString() {
        return "Simulation[seed=" + seed + ", account=" + accountId + ", region=" + region + ", clock=" + clock + "]";
    }

    /** Configures a {@link Simulation}. */
    public static final class Builder {
        private Long seed;
        private Instant startTime;
        private Clock wallClock = Clock.systemUTC();
        private String accountId = "123456789012";
        private Region region = Region.US_EAST_1;
        private int journalCapacity = 10_000;
        private FaultPlan faults = FaultPlan.none();

        private Builder() {
        }

        /** Seeds the simulation's randomness (ids, sampled faults) so a run replays. Random by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Starts the clock fixed at {@code startTime} instead of live; see {@link SimulationClock}. */
        public Builder startTime(Instant startTime) {
            this.startTime = Objects.requireNonNull(startTime, "startTime");
            return this;
        }

        /** The account calls belong to; 12 digits. Default {@code 123456789012}. */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("[0-9]{12}")) {
                throw new IllegalArgumentException(Messages.badAccountId(accountId));
            }
            this.accountId = accountId;
            return this;
        }

        /** The default region. Default us-east-1. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The wall clock a live simulation clock follows; for awssim's own tests of live mode. */
        Builder wallClock(Clock wallClock) {
            this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
            return this;
        }

        /** How many executions the journal keeps (the oldest are dropped first). Default 10,000. */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException(Messages.badJournalCapacity(capacity));
            }
            this.journalCapacity = capacity;
            return this;
        }

        /** Starts with this fault plan installed (see {@link Simulation#install(FaultPlan)}). */
        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan");
            return this;
        }

        public Simulation build() {
            return new Simulation(this);
        }
    }
}
