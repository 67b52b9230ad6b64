package io.github.awssim.core.services.metering;

import io.github.awssim.core.internal.KeyedRing;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.metering.Allocations.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.CustomerNotEntitledException;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.ExpiredTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.IdempotencyConflictException;
import software.amazon.awssdk.services.marketplacemetering.model.InternalServiceErrorException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidCustomerIdentifierException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidEndpointRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidPublicKeyVersionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTokenException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidUsageDimensionException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.PlatformNotSupportedException;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;
import software.amazon.awssdk.services.marketplacemetering.model.TimestampOutOfBoundsException;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResult;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecordResultStatus;

/**
 * The Metering service of one account in one region: its catalog, ledgers, tokens and knobs, and the
 * rules that read and change them. Every method holds this partition's lock for its whole run, so a
 * rule's checks and its commit are one step: two identical MeterUsage calls racing each other yield
 * one record and one id.
 */
final class Partition {
    /** One call as the rules see it: who, where, when. */
    record Call(MeteringOperation operation, String accountId, String region, CallerIdentity identity, Instant now) {
        String name() {
            return operation.operationName();
        }
    }

    private record Subscription(String customerIdentifier, String accountId, boolean active) {
    }

    /** A registered product: its dimensions and its customers by identifier. */
    private static final class Product {
        final String code;
        Set<String> dimensions;
        final Map<String, Subscription> customers = new LinkedHashMap<>();

        Product(String code, Set<String> dimensions) {
            this.code = code;
            this.dimensions = dimensions;
        }

        Subscription byAccount(String accountId) {
            Subscription inactive = null;
            for (Subscription s : customers.values()) {
                if (s.accountId().equals(accountId)) {
                    if (s.active()) {
                        return s;
                    }
                    inactive = s;
                }
            }
            return inactive;
        }
    }

    private record HourKey(String productCode, String dimension, Instant hour, String identity) {
    }

    private record BatchKey(String productCode, String dimension, Instant hour, String customer) {
    }

    /** What a ledger remembers of a committed record to tell a replay from a different request. */
    private record Entry(MeteringRecord record, Map<Bucket, Integer> allocations) {
    }

    /** What MeterUsage's ClientToken ledger remembers: the parameters first sent, and the answer. */
    private record MeterParams(String productCode, Instant timestamp, String dimension, int quantity,
                               Map<Bucket, Integer> allocations) {
        static MeterParams of(MeterUsageRequest r) {
            return new MeterParams(r.productCode(), r.timestamp(), r.usageDimension(), quantityOf(r.usageQuantity()),
                Allocations.canonical(r.hasUsageAllocations() ? r.usageAllocations() : null));
        }

        List<String> differences(MeterParams now) {
            List<String> out = new ArrayList<>();
            diff(out, "ProductCode", productCode, now.productCode);
            diff(out, "Timestamp", timestamp, now.timestamp);
            diff(out, "UsageDimension", dimension, now.dimension);
            diff(out, "UsageQuantity", quantity, now.quantity);
            if (!allocations.equals(now.allocations)) {
                out.add("UsageAllocations differ");
            }
            return out;
        }

        private static void diff(List<String> out, String field, Object first, Object now) {
            if (!Objects.equals(first, now)) {
                out.add(MeteringMessages.difference(field, first, now));
            }
        }
    }

    private record TokenUse(MeterParams params, MeterUsageResponse response) {
    }

    private static final class RegistrationToken {
        final String productCode;
        final String customerIdentifier;
        final String customerAccountId;
        final Instant issuedAt;
        final Duration ttl;
        Instant resolvedAt;

        RegistrationToken(String productCode, String customerIdentifier, String customerAccountId, Instant issuedAt,
                          Duration ttl) {
            this.productCode = productCode;
            this.customerIdentifier = customerIdentifier;
            this.customerAccountId = customerAccountId;
            this.issuedAt = issuedAt;
            this.ttl = ttl;
        }
    }

    private static final ServiceErrors ERRORS = ServiceErrors.of(MarketplaceMeteringClient.class);

    private final String accountId;
    private final String region;
    private final Supplier<String> uuids;

    // knobs
    private Duration usageWindow = MeteringSimulator.DEFAULT_USAGE_WINDOW;
    private boolean rejectUnknownCustomerIdentifiers;
    /** Records the next batches leave unprocessed (see MeteringSimulator#leaveUnprocessed). */
    private int unprocessedPending;
    private final Set<MeteringOperation> disabled = EnumSet.noneOf(MeteringOperation.class);
    private CallerIdentity defaultIdentity = CallerIdentity.DEFAULT;
    private final Map<String, CallerIdentity> identitiesByAccessKey = new HashMap<>();
    private final ArrayDeque<MeteringFault> faults = new ArrayDeque<>();

    // catalog
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, String> customerAccounts = new HashMap<>();
    /** Index v-1: when public key version v stopped being current; size + 1 is the current version. */
    private final List<Instant> keyRotations = new ArrayList<>();
    private final Map<String, RegistrationToken> registrationTokens = new HashMap<>();

    // ledgers
    private final Map<HourKey, Entry> hourly = new HashMap<>();
    private final Map<BatchKey, Entry> batch = new HashMap<>();
    /**
     * The most recent {@link #CLIENT_TOKENS_REMEMBERED} ClientTokens, so a long-running simulation (a
     * benchmark, an app in server mode) stays bounded; a forgotten token is treated as new.
     */
    private final KeyedRing<String, TokenUse> clientTokens = new KeyedRing<>(CLIENT_TOKENS_REMEMBERED);
    /** The last token use, shared by the next call with the same parameters and answer (an agent's steady state). */
    private TokenUse lastTokenUse;
    private final Set<List<String>> registrations = new HashSet<>();
    private final List<MeteringRecord> records = new ArrayList<>();

    static final int CLIENT_TOKENS_REMEMBERED = 10_000;

    Partition(String accountId, String region, Supplier<String> uuids) {
        this.accountId = accountId;
        this.region = region;
        this.uuids = uuids;
    }

    // ---- MeterUsage --------------------------------------------------------------------------

    synchronized MeterUsageResponse meterUsage(Call c, MeterUsageRequest r) {
        if (Boolean.TRUE.equals(r.dryRun())) {
            // A dry run checks permissions only and answers with an error either way.
            throw c.identity().authorized()
                ? ERRORS.unmodeled(MeteringSimulator.DRY_RUN_CODE, MeteringSimulator.DRY_RUN_STATUS, MeteringMessages.dryRun())
                : ERRORS.unmodeled(MeteringSimulator.UNAUTHORIZED_CODE, MeteringSimulator.UNAUTHORIZED_STATUS,
                    MeteringMessages.unauthorized(c.name(), c.accountId(), c.identity().id()));
        }
        requireAuthorized(c);
        c.identity().launchRegion().ifPresent(launch -> {
            if (!launch.id().equals(c.region())) {
                throw InvalidEndpointRegionException.builder()
                    .message(MeteringMessages.endpointRegion(c.region(), launch.id(), c.identity().id())).build();
            }
        });

        // The token first, so an SDK retry of a committed call gets its original record id back.
        MeterParams params = MeterParams.of(r);
        String token = r.clientToken();
        TokenUse used = token == null ? null : clientTokens.find(token);
        if (used != null) {
            if (used.params().equals(params)) {
                return used.response();
            }
            throw IdempotencyConflictException.builder()
                .message(MeteringMessages.idempotencyConflict(token, used.params().differences(params))).build();
        }

        Product product = requireProduct(c, r.productCode());
        requireDimension(c, product, "UsageDimension", r.usageDimension());
        requireEntitled(c, product);
        requireInWindow(c, "Timestamp", r.timestamp(), false);
        int quantity = quantityOf(r.usageQuantity());
        Allocations.check(c.name(), "", "UsageQuantity", quantity, r.hasUsageAllocations() ? r.usageAllocations() : null);

        Instant hour = r.timestamp().truncatedTo(ChronoUnit.HOURS);
        HourKey key = new HourKey(r.productCode(), r.usageDimension(), hour, c.identity().id());
        Entry existing = hourly.get(key);
        String id;
        if (existing != null) {
            boolean sameAllocations = existing.allocations().equals(params.allocations());
            if (existing.record().quantity() != quantity || !sameAllocations) {
                throw DuplicateRequestException.builder().message(MeteringMessages.duplicateRequest(r.productCode(),
                    r.usageDimension(), hour, c.identity().id(), existing.record().quantity(),
                    existing.record().meteringRecordId(), quantity, existing.record().quantity() == quantity)).build();
            }
            id = existing.record().meteringRecordId();
        } else {
            MeteringRecord record = new MeteringRecord(uuids.get(), MeteringOperation.METER_USAGE, r.productCode(),
                r.usageDimension(), r.timestamp(), hour, quantity, r.hasUsageAllocations() ? r.usageAllocations() : null,
                c.identity().id(), null, c.accountId(), c.now());
            hourly.put(key, new Entry(record, params.allocations()));
            records.add(record);
            id = record.meteringRecordId();
        }
        TokenUse use = lastTokenUse;
        if (use == null || !use.response().meteringRecordId().equals(id) || !use.params().equals(params)) {
            use = new TokenUse(params, MeterUsageResponse.builder().meteringRecordId(id).build());
            lastTokenUse = use;
        }
        if (token != null) {
            clientTokens.add(token, use);
        }
        return use.response();
    }

    // ---- BatchMeterUsage ---------------------------------------------------------------------

    synchronized BatchMeterUsageResponse batchMeterUsage(Call c, BatchMeterUsageRequest r) {
        requireEnabled(c);
        Product product = requireProduct(c, r.productCode());
        List<UsageRecord> usage = r.hasUsageRecords() ? r.usageRecords() : List.of();
        for (int i = 0; i < usage.size(); i++) {
            requireInWindow(c, "UsageRecords[" + i + "].Timestamp", usage.get(i).timestamp(), true);
        }
        for (int i = 0; i < usage.size(); i++) {
            UsageRecord u = usage.get(i);
            Allocations.check(c.name(), "UsageRecords[" + i + "].", "Quantity", quantityOf(u.quantity()),
                u.hasUsageAllocations() ? u.usageAllocations() : null);
        }
        if (rejectUnknownCustomerIdentifiers && product != null) {
            for (int i = 0; i < usage.size(); i++) {
                String id = usage.get(i).customerIdentifier();
                if (present(id) && !customerAccounts.containsKey(id)) {
                    throw InvalidCustomerIdentifierException.builder().message(
                        MeteringMessages.unknownCustomerIdentifier("UsageRecords[" + i + "].CustomerIdentifier", id)).build();
                }
            }
        }

        // Decide every record before committing any, so a request-level error leaves nothing behind.
        Map<BatchKey, Entry> accepted = new LinkedHashMap<>();
        List<UsageRecordResult> results = new ArrayList<>();
        List<UsageRecord> unprocessed = new ArrayList<>(0);
        for (int i = 0; i < usage.size(); i++) {
            UsageRecord u = usage.get(i);
            if (unprocessed.size() < unprocessedPending) {
                unprocessed.add(u);
                continue;
            }
            Subscription customer = customerOf(product, u);
            if (customer == null || !customer.active()) {
                results.add(result(u, null, UsageRecordResultStatus.CUSTOMER_NOT_SUBSCRIBED));
                continue;
            }
            requireDimension(c, product, "UsageRecords[" + i + "].Dimension", u.dimension());
            int quantity = quantityOf(u.quantity());
            Map<Bucket, Integer> allocations = Allocations.canonical(u.hasUsageAllocations() ? u.usageAllocations() : null);
            Instant hour = u.timestamp().truncatedTo(ChronoUnit.HOURS);
            String customerKey = customer.customerIdentifier() != null
                ? "id:" + customer.customerIdentifier() : "account:" + customer.accountId();
            BatchKey key = new BatchKey(r.productCode(), u.dimension(), hour, customerKey);
            Entry existing = accepted.containsKey(key) ? accepted.get(key) : batch.get(key);
            if (existing != null) {
                boolean same = existing.record().quantity() == quantity && existing.allocations().equals(allocations);
                results.add(same ? result(u, existing.record().meteringRecordId(), UsageRecordResultStatus.SUCCESS)
                    : result(u, null, UsageRecordResultStatus.DUPLICATE_RECORD));
                continue;
            }
            MeteringRecord record = new MeteringRecord(uuids.get(), MeteringOperation.BATCH_METER_USAGE, r.productCode(),
                u.dimension(), u.timestamp(), hour, quantity, u.hasUsageAllocations() ? u.usageAllocations() : null, null,
                customer.customerIdentifier(), customer.accountId(), c.now());
            accepted.put(key, new Entry(record, allocations));
            results.add(result(u, record.meteringRecordId(), UsageRecordResultStatus.SUCCESS));
        }
        for (Map.Entry<BatchKey, Entry> e : accepted.entrySet()) {
            batch.put(e.getKey(), e.getValue());
            records.add(e.getValue().record());
        }
        unprocessedPending -= unprocessed.size();   // only now: a request-level error above leaves them pending
        return BatchMeterUsageResponse.builder().results(results).unprocessedRecords(unprocessed).build();
    }

    private static UsageRecordResult result(UsageRecord u, String id, UsageRecordResultStatus status) {
        return UsageRecordResult.builder().usageRecord(u).meteringRecordId(id).status(status).build();
    }

    /** The record's customer: its subscription when the product is registered, else (open world) a subscribed stand-in. */
    private Subscription customerOf(Product product, UsageRecord u) {
        String id = present(u.customerIdentifier()) ? u.customerIdentifier() : null;
        if (product == null) {
            return new Subscription(id, id != null ? customerAccounts.get(id) : u.customerAWSAccountId(), true);
        }
        return id != null ? product.customers.get(id) : product.byAccount(u.customerAWSAccountId());
    }

    // ---- RegisterUsage -----------------------------------------------------------------------

    synchronized RegisterUsageResponse registerUsage(Call c, RegisterUsageRequest r) {
        requireEnabled(c);
        requireAuthorized(c);
        c.identity().launchRegion().ifPresent(launch -> {
            if (!launch.id().equals(c.region())) {
                throw InvalidRegionException.builder()
                    .message(MeteringMessages.invalidRegion(c.region(), launch.id(), c.identity().id())).build();
            }
        });
        Product product = requireProduct(c, r.productCode());
        int version = r.publicKeyVersion();
        int current = keyRotations.size() + 1;
        if (version > current) {
            throw InvalidPublicKeyVersionException.builder()
                .message(MeteringMessages.invalidPublicKeyVersion(version, current)).build();
        }
        // Entitlement is checked on a task's first registration only; later calls never fail on it.
        List<String> registration = List.of(c.identity().id(), r.productCode());
        if (!registrations.contains(registration)) {
            if (!c.identity().platform().runsContainers()) {
                throw PlatformNotSupportedException.builder()
                    .message(MeteringMessages.platformNotSupported(c.identity().id(), c.identity().platform())).build();
            }
            requireEntitled(c, product);
            registrations.add(registration);
        }
        return RegisterUsageResponse.builder()
            .signature(RegistrationSignature.of(r.productCode(), version, r.nonce(), c.now(), c.accountId(),
                c.identity().id()))
            .publicKeyRotationTimestamp(version < current ? keyRotations.get(version - 1) : null)
            .build();
    }

    // ---- ResolveCustomer ---------------------------------------------------------------------

    synchronized ResolveCustomerResponse resolveCustomer(Call c, ResolveCustomerRequest r) {
        requireEnabled(c);
        RegistrationToken t = registrationTokens.get(r.registrationToken());
        if (t == null) {
            throw InvalidTokenException.builder()
                .message(MeteringMessages.invalidToken(r.registrationToken(), accountId, region)).build();
        }
        if (t.resolvedAt != null) {
            throw ExpiredTokenException.builder().message(MeteringMessages.tokenUsed(r.registrationToken(), t.resolvedAt))
                .build();
        }
        if (!c.now().isBefore(t.issuedAt.plus(t.ttl))) {
            throw ExpiredTokenException.builder()
                .message(MeteringMessages.tokenExpired(r.registrationToken(), t.issuedAt, t.ttl, c.now())).build();
        }
        t.resolvedAt = c.now();
        return ResolveCustomerResponse.builder().customerIdentifier(t.customerIdentifier).productCode(t.productCode)
            .customerAWSAccountId(t.customerAccountId).build();
    }

    // ---- shared rules ------------------------------------------------------------------------

    /** Throws the next queued fault, if any. Faults strike before any rule and record nothing. */
    synchronized void strikeFault(Call c) {
        MeteringFault fault = faults.poll();
        if (fault == null) {
            return;
        }
        String message = MeteringMessages.injectedFault(c.name(), fault, faults.size());
        throw fault == MeteringFault.THROTTLING ? ThrottlingException.builder().message(message).build()
            : InternalServiceErrorException.builder().message(message).build();
    }

    private void requireEnabled(Call c) {
        if (disabled.contains(c.operation())) {
            throw DisabledApiException.builder().message(MeteringMessages.disabledApi(c.name(), c.region())).build();
        }
    }

    private static void requireAuthorized(Call c) {
        if (!c.identity().authorized()) {
            throw ERRORS.unmodeled(MeteringSimulator.ACCESS_DENIED_CODE, MeteringSimulator.ACCESS_DENIED_STATUS,
                MeteringMessages.accessDenied(c.name(), c.accountId(), c.identity().id()));
        }
    }

    /** The registered product, or null in the open world (nothing registered here). */
    private Product requireProduct(Call c, String productCode) {
        if (products.isEmpty()) {
            return null;
        }
        Product p = products.get(productCode);
        if (p == null) {
            throw InvalidProductCodeException.builder().message(
                MeteringMessages.unknownProduct(c.name(), productCode, products.keySet(), accountId, region)).build();
        }
        return p;
    }

    private static void requireDimension(Call c, Product product, String field, String dimension) {
        if (product != null && !product.dimensions.contains(dimension)) {
            throw InvalidUsageDimensionException.builder().message(
                MeteringMessages.unknownDimension(c.name(), field, dimension, product.code, product.dimensions)).build();
        }
    }

    /** The caller's own account must hold an active subscription (the buyer runs the metered software). */
    private static void requireEntitled(Call c, Product product) {
        if (product == null) {
            return;
        }
        Subscription s = product.byAccount(c.accountId());
        if (s == null || !s.active()) {
            throw CustomerNotEntitledException.builder()
                .message(MeteringMessages.notEntitled(c.name(), c.accountId(), product.code, c.identity().id())).build();
        }
    }

    private void requireInWindow(Call c, String field, Instant timestamp, boolean batch) {
        if (timestamp.isBefore(c.now().minus(usageWindow))) {
            throw TimestampOutOfBoundsException.builder().message(
                MeteringMessages.timestampTooOld(c.name(), field, timestamp, c.now(), usageWindow, batch)).build();
        }
        if (timestamp.isAfter(c.now().plus(MeteringSimulator.FUTURE_TOLERANCE))) {
            throw TimestampOutOfBoundsException.builder().message(MeteringMessages.timestampInFuture(c.name(), field,
                timestamp, c.now(), MeteringSimulator.FUTURE_TOLERANCE, batch)).build();
        }
    }

    static int quantityOf(Integer quantity) {
        return quantity == null ? 0 : quantity;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    // ---- typed state API ---------------------------------------------------------------------

    synchronized CallerIdentity identityFor(String accessKeyId) {
        CallerIdentity bound = accessKeyId == null ? null : identitiesByAccessKey.get(accessKeyId);
        return bound != null ? bound : defaultIdentity;
    }

    synchronized void callerIdentity(CallerIdentity identity) {
        this.defaultIdentity = identity;
    }

    synchronized void callerIdentity(String accessKeyId, CallerIdentity identity) {
        identitiesByAccessKey.put(accessKeyId, identity);
    }

    synchronized CallerIdentity callerIdentity() {
        return defaultIdentity;
    }

    synchronized void registerProduct(String productCode, Collection<String> dimensions) {
        Set<String> dims = Set.copyOf(new LinkedHashSet<>(dimensions));
        Product p = products.get(productCode);
        if (p == null) {
            products.put(productCode, new Product(productCode, dims));
        } else {
            p.dimensions = dims;
        }
    }

    synchronized void subscribe(String productCode, String customerIdentifier, String customerAccountId) {
        Product p = registered("subscribe", productCode);
        String known = customerAccounts.get(customerIdentifier);
        if (known != null && !known.equals(customerAccountId)) {
            throw new IllegalArgumentException(
                MeteringMessages.customerAccountConflict(customerIdentifier, customerAccountId, known));
        }
        customerAccounts.put(customerIdentifier, customerAccountId);
        p.customers.put(customerIdentifier, new Subscription(customerIdentifier, customerAccountId, true));
    }

    synchronized void unsubscribe(String productCode, String customerIdentifier) {
        Product p = registered("unsubscribe", productCode);
        Subscription s = p.customers.get(customerIdentifier);
        if (s == null) {
            throw new IllegalArgumentException(MeteringMessages.notSubscribed("unsubscribe", productCode, customerIdentifier));
        }
        p.customers.put(customerIdentifier, new Subscription(customerIdentifier, s.accountId(), false));
    }

    synchronized String issueRegistrationToken(String productCode, String customerIdentifier, Duration ttl,
                                               Instant now, String token) {
        String account;
        if (products.isEmpty()) {
            account = accountId; // open world: the simulation's one account plays the buyer too
        } else {
            Subscription s = registered("issueRegistrationToken", productCode).customers.get(customerIdentifier);
            if (s == null) {
                throw new IllegalArgumentException(
                    MeteringMessages.notSubscribed("issueRegistrationToken", productCode, customerIdentifier));
            }
            account = s.accountId();
        }
        registrationTokens.put(token, new RegistrationToken(productCode, customerIdentifier, account, now, ttl));
        return token;
    }

    private Product registered(String call, String productCode) {
        Product p = products.get(productCode);
        if (p == null) {
            throw new IllegalArgumentException(MeteringMessages.productNotRegistered(call, productCode, products.keySet()));
        }
        return p;
    }

    synchronized int rotatePublicKey(Instant now) {
        keyRotations.add(now);
        return keyRotations.size() + 1;
    }

    synchronized void usageWindow(Duration window) {
        this.usageWindow = window;
    }

    synchronized void apiEnabled(MeteringOperation operation, boolean enabled) {
        if (enabled) {
            disabled.remove(operation);
        } else {
            disabled.add(operation);
        }
    }

    synchronized void rejectUnknownCustomerIdentifiers(boolean reject) {
        this.rejectUnknownCustomerIdentifiers = reject;
    }

    synchronized void leaveUnprocessed(int count) {
        unprocessedPending += count;
    }

    synchronized void failNext(int count, MeteringFault fault) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    synchronized List<MeteringRecord> records() {
        return List.copyOf(records);
    }
}
