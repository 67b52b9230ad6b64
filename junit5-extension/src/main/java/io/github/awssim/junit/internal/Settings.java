package io.github.awssim.junit.internal;

import io.github.awssim.core.Simulation;
import io.github.awssim.junit.SimulatedAws;
import io.github.awssim.junit.SimulatedAws.Scope;
import java.lang.reflect.AnnotatedElement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * What one declaration asks for, from {@code @SimulatedAws} or from the extension's builder. Immutable.
 * Null fields mean "the simulation's default".
 */
public final class Settings {
    /** Simulation's default region; {@code SettingsTest} keeps the two in step. */
    static final Region DEFAULT_REGION = Region.US_EAST_1;

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    private final Long seed;
    private final Instant startTime;
    private final Region region;
    private final String accountId;
    private final Scope scope;
    private final boolean zeroCodeSwap;
    private final Consumer<Simulation.Builder> configure;
    private final List<Consumer<? super Simulation>> customizers;
    private final String source;

    public Settings(Long seed, Instant startTime, Region region, String accountId, Scope scope, boolean zeroCodeSwap,
                    Consumer<Simulation.Builder> configure, List<Consumer<? super Simulation>> customizers, String source) {
        this.seed = seed;
        this.startTime = startTime;
        this.region = region;
        this.accountId = accountId;
        this.scope = Objects.requireNonNull(scope);
        this.zeroCodeSwap = zeroCodeSwap;
        this.configure = Objects.requireNonNull(configure);
        this.customizers = List.copyOf(customizers);
        this.source = Objects.requireNonNull(source);
    }

    /** The settings an annotation asks for; bad values are an {@link IllegalArgumentException} with the message to show. */
    public static Settings of(SimulatedAws annotation, AnnotatedElement where) {
        String at = "@SimulatedAws on " + Messages.describe(where);
        Long seed = annotation.seed() == SimulatedAws.RANDOM_SEED ? null : annotation.seed();
        Instant startTime = null;
        if (!annotation.startTime().isEmpty()) {
            try {
                startTime = Instant.parse(annotation.startTime());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(Messages.badStartTime(annotation.startTime(), at), e);
            }
        }
        Region region = annotation.region().isEmpty() ? null : region(annotation.region(), at);
        String account = annotation.accountId().isEmpty() ? null : accountId(annotation.accountId(), at);
        return new Settings(seed, startTime, region, account, annotation.scope(), annotation.zeroCodeSwap(), b -> { },
            List.of(), at);
    }

    /** A validated region; accepts every region the SDK knows and any id shaped like one (new regions). */
    public static Region region(String id, String where) {
        if (id == null || id.isBlank() || !(Region.regions().contains(Region.of(id)) || REGION.matcher(id).matches())) {
            throw new IllegalArgumentException(Messages.badRegion(id, where));
        }
        return Region.of(id);
    }

    public static String accountId(String id, String where) {
        if (id == null || !ACCOUNT.matcher(id).matches()) {
            throw new IllegalArgumentException(Messages.badAccountId(id, where));
        }
        return id;
    }

    /** A new simulation as these settings ask (customizers not applied yet). */
    public Simulation newSimulation() {
        Simulation.Builder b = Simulation.builder();
        if (seed != null) {
            b.seed(seed);
        }
        if (startTime != null) {
            b.startTime(startTime);
        }
        if (region != null) {
            b.region(region);
        }
        if (accountId != null) {
            b.accountId(accountId);
        }
        configure.accept(b);
        return b.build();
    }

    /** The region the simulation will have, hence the {@code aws.region} the zero-code swap needs. */
    public Region effectiveRegion() {
        return region != null ? region : DEFAULT_REGION;
    }

    public boolean randomSeed() {
        return seed == null;
    }

    public Scope scope() {
        return scope;
    }

    public boolean zeroCodeSwap() {
        return zeroCodeSwap;
    }

    public List<Consumer<? super Simulation>> customizers() {
        return customizers;
    }

    /** Where these settings come from, for messages: "@SimulatedAws on class FooTest". */
    public String source() {
        return source;
    }

    public Settings withSource(String newSource) {
        return new Settings(seed, startTime, region, accountId, scope, zeroCodeSwap, configure, customizers, newSource);
    }

    @Override
    public String toString() {
        return "Settings[" + source + ", seed=" + seed + ", startTime=" + startTime + ", region=" + region + ", account="
            + accountId + ", scope=" + scope + ", zeroCodeSwap=" + zeroCodeSwap + "]";
    }
}
