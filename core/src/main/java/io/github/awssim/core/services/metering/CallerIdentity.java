package io.github.awssim.core.services.metering;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where metered code runs, as AWS Marketplace sees it from the caller's credentials: the EC2 instance,
 * ECS task or EKS pod id that MeterUsage's once-per-hour rule and RegisterUsage's first-call rule are
 * keyed by, the platform, the region it was launched in, and whether its role may call Metering.
 * Immutable.
 *
 * <pre>{@code
 * sim.metering().callerIdentity(CallerIdentity.builder()
 *         .id("task-7f3a")
 *         .platform(CallerIdentity.Platform.ECS)
 *         .launchRegion(Region.US_WEST_2)          // calls to any other region's endpoint are refused
 *         .build());
 * }</pre>
 *
 * <p>Every simulated call runs as {@link #DEFAULT} unless told otherwise: one instance for the whole
 * simulation, as in production where every client in a process uses the same instance credentials.
 */
public final class CallerIdentity {
    /** Instance {@code i-0123456789abcdef0}, platform unspecified, launched in whatever region it calls, authorized. */
    public static final CallerIdentity DEFAULT = builder().id("i-0123456789abcdef0").build();

    /** The compute platform the caller runs on. RegisterUsage answers only on ECS, EKS and Fargate. */
    public enum Platform {
        /** Not simulated: no rule looks at the platform. The default. */
        UNSPECIFIED,
        /** An Amazon EC2 instance (AMI products): RegisterUsage answers {@code PlatformNotSupportedException}. */
        EC2,
        /** An Amazon ECS task. */
        ECS,
        /** An Amazon EKS pod. */
        EKS,
        /** An ECS task or EKS pod on AWS Fargate. */
        FARGATE,
        /** Anything else (on premises, Lambda): RegisterUsage answers {@code PlatformNotSupportedException}. */
        OTHER;

        boolean runsContainers() {
            return this == UNSPECIFIED || this == ECS || this == EKS || this == FARGATE;
        }
    }

    private final String id;
    private final Platform platform;
    private final Region launchRegion;
    private final boolean authorized;

    private CallerIdentity(Builder b) {
        if (b.id == null || b.id.isBlank()) {
            throw new IllegalArgumentException(MeteringMessages.blankIdentity());
        }
        this.id = b.id;
        this.platform = b.platform;
        this.launchRegion = b.launchRegion;
        this.authorized = b.authorized;
    }

    /** An authorized caller with this instance, task or pod id, platform unspecified, launched anywhere. */
    public static CallerIdentity of(String id) {
        return builder().id(id).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The instance, task or pod id, e.g. {@code i-0123456789abcdef0}. */
    public String id() {
        return id;
    }

    public Platform platform() {
        return platform;
    }

    /**
     * The region the caller was launched in; empty means "the region of whatever endpoint it calls".
     * When present, MeterUsage to another region's endpoint answers {@code InvalidEndpointRegionException}
     * and RegisterUsage answers {@code InvalidRegionException}.
     */
    public Optional<Region> launchRegion() {
        return Optional.ofNullable(launchRegion);
    }

    /**
     * Whether the caller's role may call Metering. When false, a MeterUsage DryRun answers
     * {@code UnauthorizedException} and MeterUsage and RegisterUsage answer {@code AccessDeniedException}.
     */
    public boolean authorized() {
        return authorized;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CallerIdentity)) {
            return false;
        }
        CallerIdentity that = (CallerIdentity) o;
        return authorized == that.authorized && id.equals(that.id) && platform == that.platform
            && Objects.equals(launchRegion, that.launchRegion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, platform, launchRegion, authorized);
    }

    @Override
    public String toString() {
        return "CallerIdentity[id=" + id + ", platform=" + platform
            + ", launchRegion=" + (launchRegion == null ? "any" : launchRegion.id()) + ", authorized=" + authorized + "]";
    }

    /** Builds a {@link CallerIdentity}; only {@link #id(String)} is required. */
    public static final class Builder {
        private String id;
        private Platform platform = Platform.UNSPECIFIED;
        private Region launchRegion;
        private boolean authorized = true;

        private Builder() {
        }

        private Builder(CallerIdentity from) {
            this.id = from.id;
            this.platform = from.platform;
            this.launchRegion = from.launchRegion;
            this.authorized = from.authorized;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder platform(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /** The region the caller was launched in; null means "whatever region it calls" (the default). */
        public Builder launchRegion(Region launchRegion) {
            this.launchRegion = launchRegion;
            return this;
        }

        public Builder authorized(boolean authorized) {
            this.authorized = authorized;
            return this;
        }

        public CallerIdentity build() {
            return new CallerIdentity(this);
        }
    }
}
