package io.github.awssim.core.services.metering;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.model.ConstraintValidator;
import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.OperationModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidTagException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;
import software.amazon.awssdk.services.marketplacemetering.model.UsageRecord;

/**
 * AWS Marketplace Metering, simulated: the backend answering every {@code MarketplaceMeteringClient} and
 * {@code MarketplaceMeteringAsyncClient} call of a simulation, and the typed API tests use to seed and
 * read its state. Get it with {@code sim.metering()}.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().startTime(Instant.parse("2026-01-01T10:15:00Z")).build();
 * sim.metering()
 *    .registerProduct("prod-1", "Users", "Hosts")               // from now on, strict: see below
 *    .subscribe("prod-1", "cust-1", sim.accountId());           // the caller's account is a buyer
 * MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class);
 * client.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
 *         .timestamp(sim.clock().instant()));
 * assertThat(sim.metering().records()).singleElement().extracting(MeteringRecord::quantity).isEqualTo(3);
 * }</pre>
 *
 * <h2>Open world, then strict</h2>
 * While no product is registered in an account and region, any product code and dimension are accepted
 * and every customer is subscribed. Once one product is registered there, that account and region turn
 * strict: unknown product codes answer {@code InvalidProductCodeException}, undeclared dimensions
 * {@code InvalidUsageDimensionException}, and only {@link #subscribe subscribed} customers may meter.
 * For MeterUsage and RegisterUsage the buyer is the calling account, so subscribe it to meter in strict
 * mode.
 *
 * <h2>Rules, in the order they are decided</h2>
 * Every operation first checks the request against the service model (constraint violations answer
 * {@code ValidationException}, HTTP 400, except those on tags, which answer {@code InvalidTagException}),
 * then throws a fault queued by {@link #failNext}. Then:
 * <ul>
 *   <li><b>MeterUsage</b>: DryRun (answers {@code DryRunOperation}, or {@code UnauthorizedException} when the
 *       caller is not authorized, and records nothing) → caller authorized → endpoint region is the caller's
 *       launch region → ClientToken (same token and parameters: the first answer again; other parameters:
 *       {@code IdempotencyConflictException}) → product → dimension → buyer subscribed
 *       ({@code CustomerNotEntitledException}) → timestamp within {@link #DEFAULT_USAGE_WINDOW 6 hours} back
 *       and {@link #FUTURE_TOLERANCE 5 minutes} ahead of the simulation clock → allocations (sum, unique tag
 *       sets, unique keys) → once per hour per (product, dimension, caller identity): the same quantity and
 *       allocations answer the same MeteringRecordId, anything else {@code DuplicateRequestException} →
 *       commit.</li>
 *   <li><b>BatchMeterUsage</b> (≤ 25 records, each naming its customer by exactly one of CustomerIdentifier
 *       and CustomerAWSAccountId): API enabled → product → every record in the window (one outside fails the
 *       whole batch) → every record's allocations → unknown customer identifiers, when
 *       {@link #rejectUnknownCustomerIdentifiers rejected} → per record: customer subscribed (else status
 *       {@code CustomerNotSubscribed}) → dimension → once per hour per (product, dimension, customer): the
 *       same quantity is {@code Success} with the first record's id, another quantity
 *       {@code DuplicateRecord}. A request-level error commits none of its records.</li>
 *   <li><b>RegisterUsage</b>: API enabled → caller authorized → called in the caller's launch region
 *       ({@code InvalidRegionException}) → product → public key version ≤ the current one → on the first
 *       successful call per (caller identity, product) only: platform is ECS, EKS or Fargate, and the buyer is
 *       subscribed. Answers a {@code Signature} (a JWT, see below) and, for a superseded key version, the
 *       {@code PublicKeyRotationTimestamp} of its rotation.</li>
 *   <li><b>ResolveCustomer</b>: API enabled → the token was {@link #issueRegistrationToken issued} here
 *       ({@code InvalidTokenException}) → not resolved before and not past its TTL
 *       ({@code ExpiredTokenException}) → resolves it, once.</li>
 * </ul>
 *
 * <h2>Choices where AWS is silent</h2>
 * {@code DryRunOperation} travels with HTTP {@value #DRY_RUN_STATUS} (as EC2's), {@code UnauthorizedException}
 * with {@value #UNAUTHORIZED_STATUS}, {@code AccessDeniedException} with {@value #ACCESS_DENIED_STATUS}; the
 * SDK surfaces all three as {@code MarketplaceMeteringException} with that error code. Registration tokens
 * live {@link #DEFAULT_REGISTRATION_TOKEN_TTL one hour} unless issued with another TTL. BatchMeterUsage
 * rounds timestamps down to the hour for its duplicate check, like MeterUsage. The RegisterUsage
 * {@code Signature} is {@code base64url(header).base64url(claims).base64url(sha256)} with header
 * {@code {"alg":"PS256","typ":"JWT"}} and claims {@code productCode, publicKeyVersion, nonce, issuedAt,
 * customerAccountId, callerIdentity}; its third part is a digest, not a signature AWS's key verifies.
 *
 * <h2>Accounts and regions</h2>
 * State is kept per account and region: a client answers from the account and region of its call. The
 * typed methods here address the simulation's account and region; {@link #in(String, Region)} addresses
 * another, and direct calls on such a view act as calls to that account and region.
 *
 * <p>Thread-safe. All state lives in one shared object, so a Mockito spy of this simulator
 * ({@code Mockito.spy(sim.backend(MarketplaceMeteringClient.class))}) shares it with the original.
 */
public class MeteringSimulator implements MarketplaceMeteringClient {
    /** How far back MeterUsage and BatchMeterUsage accept timestamps unless {@link #usageWindow} says otherwise. */
    public static final Duration DEFAULT_USAGE_WINDOW = Duration.ofHours(6);
    /** How far ahead of the simulation clock a timestamp may be (clock skew); beyond, TimestampOutOfBounds. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** How long a registration token resolves unless issued with another TTL. */
    public static final Duration DEFAULT_REGISTRATION_TOKEN_TTL = Duration.ofHours(1);

    /** The error code a permitted MeterUsage DryRun answers. */
    public static final String DRY_RUN_CODE = "DryRunOperation";
    public static final int DRY_RUN_STATUS = 412;
    /** The error code a MeterUsage DryRun of an unauthorized caller answers. */
    public static final String UNAUTHORIZED_CODE = "UnauthorizedException";
    public static final int UNAUTHORIZED_STATUS = 403;
    /** The error code MeterUsage and RegisterUsage answer an unauthorized caller. */
    public static final String ACCESS_DENIED_CODE = "AccessDeniedException";
    public static final int ACCESS_DENIED_STATUS = 400;

    private static final ServiceErrors ERRORS = ServiceErrors.of(MarketplaceMeteringClient.class);
    private static final Pattern PRODUCT_CODE = Pattern.compile("^[-a-zA-Z0-9/=:_.@]{1,255}$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern INDEX = Pattern.compile("[0-9]+");
    private static final int MAX_TAGS = 5;

    private final Engine engine;
    private final MeteringState state;
    /** The account and region the typed API addresses; null: the simulation's. */
    private final String accountId;
    private final Region region;

    /** Created by the simulation (reflectively: the engine is not API); get it with {@code sim.metering()}. */
    MeteringSimulator(Engine engine) {
        this(engine, new MeteringState(engine::newUuid), null, null);
    }

    private MeteringSimulator(Engine engine, MeteringState state, String accountId, Region region) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    // ---- the service -------------------------------------------------------------------------

    @Override
    public MeterUsageResponse meterUsage(MeterUsageRequest request) {
        return run(MeteringOperation.METER_USAGE, request, (p, c) -> p.meterUsage(c, request));
    }

    @Override
    public BatchMeterUsageResponse batchMeterUsage(BatchMeterUsageRequest request) {
        return run(MeteringOperation.BATCH_METER_USAGE, request, (p, c) -> p.batchMeterUsage(c, request));
    }

    @Override
    public RegisterUsageResponse registerUsage(RegisterUsageRequest request) {
        return run(MeteringOperation.REGISTER_USAGE, request, (p, c) -> p.registerUsage(c, request));
    }

    @Override
    public ResolveCustomerResponse resolveCustomer(ResolveCustomerRequest request) {
        return run(MeteringOperation.RESOLVE_CUSTOMER, request, (p, c) -> p.resolveCustomer(c, request));
    }

    private <T> T run(MeteringOperation operation, SdkPojo request, BiFunction<Partition, Partition.Call, T> rules) {
        Objects.requireNonNull(request, "request");
        CallContext context = engine.callContext();
        boolean direct = context.service() == null;
        String account = direct ? accountId() : context.accountId();
        String regionId = direct ? region().id() : context.region();
        Partition partition = state.partition(account, regionId);
        validate(operation, request);
        Partition.Call call = new Partition.Call(operation, account, regionId,
            partition.identityFor(context.accessKeyId()), context.time());
        partition.strikeFault(call);
        return rules.apply(partition, call);
    }

    /** The model's constraints, as AWS's front end checks them; tag violations are the service's InvalidTag. */
    private static void validate(MeteringOperation operation, SdkPojo request) {
        OperationModel model = ERRORS.model().flatMap(m -> m.operation(operation.operationName())).orElseThrow();
        List<Violation> others = new ArrayList<>();
        List<Violation> tags = new ArrayList<>();
        for (Violation v : ConstraintValidator.validate(model, request)) {
            (isTagPath(v.path()) ? tags : others).add(v);
        }
        if (!others.isEmpty()) {
            throw ERRORS.validation(others);
        }
        if (!tags.isEmpty()) {
            throw InvalidTagException.builder().message(tagMessage(operation.operationName(), tags.get(0))).build();
        }
        if (request instanceof BatchMeterUsageRequest && ((BatchMeterUsageRequest) request).hasUsageRecords()) {
            List<UsageRecord> records = ((BatchMeterUsageRequest) request).usageRecords();
            for (int i = 0; i < records.size(); i++) {
                boolean byId = present(records.get(i).customerIdentifier());
                boolean byAccount = present(records.get(i).customerAWSAccountId());
                if (byId == byAccount) {
                    throw ERRORS.unmodeled(ServiceErrors.VALIDATION_CODE, 400,
                        byId ? MeteringMessages.customerNamedTwice(i) : MeteringMessages.customerMissing(i));
                }
            }
        }
    }

    private static boolean isTagPath(String path) {
        return Arrays.asList(path.split("\\.")).contains("tags");
    }

    private static String tagMessage(String operation, Violation v) {
        String path = javaPath(v.path());
        if (v.path().endsWith("tags") && v.value() instanceof Collection) {
            int n = ((Collection<?>) v.value()).size();
            return n == 0 ? MeteringMessages.noTags(operation, path) : MeteringMessages.tooManyTags(operation, path, n, MAX_TAGS);
        }
        return MeteringMessages.invalidTag(operation, path, v.value(), v.constraint());
    }

    /** {@code usageAllocations.1.member.tags.2.member.key} → {@code UsageAllocations[0].Tags[1].Key}. */
    private static String javaPath(String path) {
        StringBuilder b = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (part.equals("member")) {
                continue;
            }
            if (INDEX.matcher(part).matches()) {
                b.append('[').append(Integer.parseInt(part) - 1).append(']');
            } else {
                b.append(b.length() > 0 ? "." : "").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Does nothing: the simulation owns this simulator and outlives any client. */
    @Override
    public void close() {
    }

    // ---- typed state API ---------------------------------------------------------------------

    /**
     * This simulator addressing another account and region: its typed methods seed and read that
     * partition, and its operations called directly act as calls to it. Shares all state with this one.
     *
     * @param accountId 12 digits
     */
    public MeteringSimulator in(String accountId, Region region) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException(MeteringMessages.badAccountId(accountId));
        }
        return new MeteringSimulator(engine, state, accountId, Objects.requireNonNull(region, "region"));
    }

    /** The account the typed methods address. */
    public String accountId() {
        return accountId != null ? accountId : engine.simulation().accountId();
    }

    /** The region the typed methods address. */
    public Region region() {
        return region != null ? region : engine.simulation().region();
    }

    private Partition partition() {
        return state.partition(accountId(), region().id());
    }

    /**
     * Publishes a product with its usage dimensions (again: replaces its dimensions, keeps its customers).
     * The first registration turns this account and region strict (see the class comment).
     *
     * @return this simulator
     */
    public MeteringSimulator registerProduct(String productCode, String... dimensions) {
        return registerProduct(productCode, Arrays.asList(Objects.requireNonNull(dimensions, "dimensions")));
    }

    /** As {@link #registerProduct(String, String...)}. */
    public MeteringSimulator registerProduct(String productCode, Collection<String> dimensions) {
        requireProductCode(productCode);
        Objects.requireNonNull(dimensions, "dimensions");
        for (String d : dimensions) {
            if (d == null || d.isEmpty() || d.length() > 255) {
                throw new IllegalArgumentException(MeteringMessages.badDimension(productCode, d));
            }
        }
        partition().registerProduct(productCode, dimensions);
        return this;
    }

    /**
     * Subscribes a customer to a registered product, or renews a lapsed subscription. The customer may then
     * appear in BatchMeterUsage records (by identifier or account) and, when {@code customerAwsAccountId} is
     * the calling account, meter with MeterUsage and RegisterUsage.
     *
     * @param customerAwsAccountId the buyer's account, 12 digits; one customer identifier keeps one account
     * @return this simulator
     */
    public MeteringSimulator subscribe(String productCode, String customerIdentifier, String customerAwsAccountId) {
        requireCustomer(customerIdentifier);
        if (customerAwsAccountId == null || !ACCOUNT_ID.matcher(customerAwsAccountId).matches()) {
            throw new IllegalArgumentException(MeteringMessages.badAccountId(customerAwsAccountId));
        }
        partition().subscribe(productCode, customerIdentifier, customerAwsAccountId);
        return this;
    }

    /**
     * Ends a customer's subscription: its later BatchMeterUsage records answer {@code CustomerNotSubscribed}
     * and, for the caller's account, MeterUsage answers {@code CustomerNotEntitledException}. A task that
     * already registered keeps working, as in AWS.
     *
     * @return this simulator
     */
    public MeteringSimulator unsubscribe(String productCode, String customerIdentifier) {
        requireCustomer(customerIdentifier);
        partition().unsubscribe(productCode, customerIdentifier);
        return this;
    }

    /**
     * A registration token, as AWS Marketplace posts it to the seller's registration page, that
     * ResolveCustomer resolves once within {@link #DEFAULT_REGISTRATION_TOKEN_TTL one hour} of simulation time.
     * In strict mode the customer must have subscribed to the product; in the open world the simulation's
     * account stands in for the buyer's.
     */
    public String issueRegistrationToken(String productCode, String customerIdentifier) {
        return issueRegistrationToken(productCode, customerIdentifier, DEFAULT_REGISTRATION_TOKEN_TTL);
    }

    /** As {@link #issueRegistrationToken(String, String)}, valid for {@code ttl} of simulation time. */
    public String issueRegistrationToken(String productCode, String customerIdentifier, Duration ttl) {
        requireProductCode(productCode);
        requireCustomer(customerIdentifier);
        requirePositive("the token's ttl", ttl);
        return partition().issueRegistrationToken(productCode, customerIdentifier, ttl, engine.clock().instant(),
            "awssim-token-" + engine.newUuid());
    }

    /**
     * Who calls: the instance, task or pod every call runs as, unless its access key is bound to another
     * with {@link #callerIdentity(String, CallerIdentity)}. Default {@link CallerIdentity#DEFAULT}.
     *
     * @return this simulator
     */
    public MeteringSimulator callerIdentity(CallerIdentity identity) {
        partition().callerIdentity(Objects.requireNonNull(identity, "identity"));
        return this;
    }

    /**
     * Makes calls signed with {@code accessKeyId} run as {@code identity}: a client built with those
     * credentials is another instance, task or pod.
     *
     * @return this simulator
     */
    public MeteringSimulator callerIdentity(String accessKeyId, CallerIdentity identity) {
        partition().callerIdentity(Objects.requireNonNull(accessKeyId, "accessKeyId"),
            Objects.requireNonNull(identity, "identity"));
        return this;
    }

    /** The identity calls run as unless their access key is bound to another. */
    public CallerIdentity callerIdentity() {
        return partition().callerIdentity();
    }

    /** Every committed metering record, oldest first: a snapshot of immutable values. */
    public List<MeteringRecord> records() {
        return partition().records();
    }

    // ---- knobs -------------------------------------------------------------------------------

    /**
     * How far back MeterUsage and BatchMeterUsage accept timestamps. Default
     * {@link #DEFAULT_USAGE_WINDOW 6 hours} (SDK 2.40.2-era docs; AWS's 2026 docs give BatchMeterUsage 24 hours).
     *
     * @return this simulator
     */
    public MeteringSimulator usageWindow(Duration window) {
        requirePositive("usageWindow", window);
        partition().usageWindow(window);
        return this;
    }

    /**
     * Retires the current public key: RegisterUsage then accepts the next version, and answers calls with
     * an older version with the {@code PublicKeyRotationTimestamp} of its retirement (now, on the
     * simulation clock). Versions above the current one answer {@code InvalidPublicKeyVersionException}.
     *
     * @return the new current version (the first is 1)
     */
    public int rotatePublicKey() {
        return partition().rotatePublicKey(engine.clock().instant());
    }

    /**
     * Makes operations answer {@code DisabledApiException}, as in a Region where they are not offered.
     * BatchMeterUsage, RegisterUsage and ResolveCustomer only: AWS models no such error for MeterUsage.
     *
     * @return this simulator
     */
    public MeteringSimulator disableApi(MeteringOperation... operations) {
        for (MeteringOperation op : operations) {
            if (op == MeteringOperation.METER_USAGE) {
                throw new IllegalArgumentException(MeteringMessages.notDisableable(op));
            }
        }
        for (MeteringOperation op : operations) {
            partition().apiEnabled(op, false);
        }
        return this;
    }

    /** Undoes {@link #disableApi}. @return this simulator */
    public MeteringSimulator enableApi(MeteringOperation... operations) {
        for (MeteringOperation op : operations) {
            partition().apiEnabled(Objects.requireNonNull(op, "operation"), true);
        }
        return this;
    }

    /**
     * When on (and a product is registered), a BatchMeterUsage record whose CustomerIdentifier never
     * subscribed to any product here fails the whole request with {@code InvalidCustomerIdentifierException}.
     * Off by default: such a record answers status {@code CustomerNotSubscribed}, as AWS documents for
     * invalid identifiers too.
     *
     * @return this simulator
     */
    public MeteringSimulator rejectUnknownCustomerIdentifiers(boolean reject) {
        partition().rejectUnknownCustomerIdentifiers(reject);
        return this;
    }

    /**
     * Makes the next {@code calls} calls (attempts: each SDK retry is one) to any Metering operation here
     * answer {@code fault} before any rule runs, recording nothing. Queued faults add up in order.
     *
     * <pre>{@code
     * sim.metering().failNext(2, MeteringFault.THROTTLING);
     * client.meterUsage(...);              // succeeds on the SDK's 3rd attempt
     * }</pre>
     *
     * @return this simulator
     */
    public MeteringSimulator failNext(int calls, MeteringFault fault) {
        if (calls < 1) {
            throw new IllegalArgumentException(MeteringMessages.badCount("failNext(" + calls + ", ...)"));
        }
        partition().failNext(calls, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * Makes BatchMeterUsage leave the next {@code records} usage records it receives here unprocessed: they
     * come back in {@code UnprocessedRecords}, neither in {@code Results} nor recorded, as AWS answers records
     * it could not process for a transient reason and expects the caller to send again. The call itself
     * succeeds, so the SDK retries nothing: this tests the caller's own handling.
     *
     * <pre>{@code
     * sim.metering().leaveUnprocessed(1);
     * client.batchMeterUsage(...).unprocessedRecords();   // the first record of the batch
     * }</pre>
     *
     * @return this simulator
     */
    public MeteringSimulator leaveUnprocessed(int records) {
        if (records < 1) {
            throw new IllegalArgumentException(MeteringMessages.badCount("leaveUnprocessed(" + records + ")"));
        }
        partition().leaveUnprocessed(records);
        return this;
    }

    private static void requireProductCode(String productCode) {
        if (productCode == null || !PRODUCT_CODE.matcher(productCode).matches()) {
            throw new IllegalArgumentException(MeteringMessages.badProductCode(productCode));
        }
    }

    private static void requireCustomer(String customerIdentifier) {
        if (customerIdentifier == null || customerIdentifier.isEmpty() || customerIdentifier.length() > 255) {
            throw new IllegalArgumentException(MeteringMessages.badCustomerIdentifier(customerIdentifier));
        }
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(MeteringMessages.badDuration(what, d));
        }
    }

    @Override
    public String toString() {
        return "MeteringSimulator[account=" + accountId() + ", region=" + region().id() + "]";
    }
}
