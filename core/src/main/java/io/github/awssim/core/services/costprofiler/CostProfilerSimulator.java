package io.github.awssim.core.services.costprofiler;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.services.s3.S3Simulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.DeleteReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.DeleteReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ImportApplicationUsageRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ImportApplicationUsageResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.PutReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ReportDefinition;
import software.amazon.awssdk.services.applicationcostprofiler.model.S3Location;
import software.amazon.awssdk.services.applicationcostprofiler.model.UpdateReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.UpdateReportDefinitionResponse;

/**
 * AWS Application Cost Profiler, simulated: the backend answering every {@code ApplicationCostProfilerClient} and
 * {@code ApplicationCostProfilerAsyncClient} call of a simulation (all 6 operations), and the typed API tests use
 * to declare resource costs and to read imports and generated reports. Get it with {@code sim.costProfiler()}.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-01T00:00:00Z")).build();
 * sim.s3().createBucket("usage").createBucket("reports");
 * sim.costProfiler().resourceCost(ResourceCost.of("i-0abc", "AmazonEC2", "BoxUsage:c5.large", "RunInstances",
 *         new BigDecimal("0.085")));
 * ApplicationCostProfilerClient acp = SimulatedClients.create(sim, ApplicationCostProfilerClient.class);
 * acp.putReportDefinition(r -> r.reportId("tenants").reportDescription("per tenant").reportFrequency("DAILY")
 *         .format("CSV").destinationS3Location(d -> d.bucket("reports").prefix("acp")));
 * sim.s3().putObject("usage", "hour-00.csv", "ApplicationId,TenantId,UsageAccountId,StartTime,EndTime,ResourceId\n"
 *         + "shop,acme,123456789012,1780272000,1780275600,i-0abc\n");
 * acp.importApplicationUsage(r -> r.sourceS3Location(s -> s.bucket("usage").key("hour-00.csv")));
 * sim.clock().advance(Duration.ofDays(1));
 * sim.costProfiler().reports();   // DELIVERED: s3://reports/acp/tenants/DAILY/2026-06-02/tenants.csv.gz
 * }</pre>
 *
 * <h2>Rules, in the order they are decided</h2>
 * Every operation first checks the request against the service model (lengths, patterns, enums, required members,
 * maxResults 1..100): a violation answers {@code ValidationException} (HTTP 400) naming the member. Then a fault
 * queued by {@link #failNext} strikes. Then:
 * <ul>
 *   <li><b>PutReportDefinition</b>: a reportId already used answers {@code ValidationException}; a definition past
 *       the quota answers {@code ServiceQuotaExceededException} (HTTP 402) — AWS allows one per account, see
 *       {@link #reportDefinitionQuota(int)}. The destination bucket must exist ({@code ValidationException}) and
 *       belong to the caller's account ({@code AccessDeniedException}): "the Amazon S3 bucket used for report output
 *       must belong to the account creating the report configuration".</li>
 *   <li><b>Get/Update/DeleteReportDefinition</b> of an unknown reportId answer {@code ValidationException} (the model
 *       has no not-found error). Update replaces every field, keeps {@code createdAt} and moves {@code lastUpdated}
 *       to now, checking the destination as Put does. ListReportDefinitions lists in creation order with opaque
 *       base64 {@code nextToken}s (a forged or foreign one answers {@code ValidationException}); its items name the
 *       update time {@code lastUpdatedAt}, Get names it {@code lastUpdated}.</li>
 *   <li><b>ImportApplicationUsage</b> reads the object from the simulation's S3 ({@code sim.s3()}) at once: a
 *       missing bucket or key answers {@code ValidationException}, a bucket of another account
 *       {@code AccessDeniedException}; {@code region} must match the bucket's and is required for the four Regions
 *       disabled by default. The file is CSV with the header {@code ApplicationId,TenantId,TenantDesc,UsageAccountId,
 *       StartTime,EndTime,ResourceId} (any order, TenantDesc optional, times in epoch seconds), optionally gzip; a
 *       malformed one answers {@code ValidationException} naming the line and column. The rows are kept as read
 *       then (see {@link #imports()}); the answer is a fresh importId (a UUID from the simulation's seed).</li>
 *   <li><b>Reports</b> are written on the simulation clock when a UTC day (DAILY, ALL) or month (MONTHLY, ALL)
 *       boundary passes: a daily report holds the month to date (the one due on the 1st the whole previous month),
 *       a monthly one the previous month. Costs are the hourly {@link #resourceCost(ResourceCost) resource costs}
 *       the test declares, split hour by hour between the tenants whose usage covers the hour; what no usage covers
 *       goes to tenant {@code unattributed}. Objects are gzip-compressed CSV at
 *       {@code <prefix>/<reportId>/DAILY/<yyyy-MM-dd>/<reportId>.csv.gz} and
 *       {@code <prefix>/<reportId>/MONTHLY/<yyyy-MM>/<reportId>.csv.gz}. A report that cannot be written (bucket
 *       gone, usage of a resource without a cost, format PARQUET) is listed FAILED by {@link #reports()} with the
 *       reason; nothing is thrown at an unrelated call.</li>
 * </ul>
 * An operation only ever answers the errors its model declares.
 *
 * <h2>Accounts, regions, threads</h2>
 * State is kept per account and region; the typed methods address the simulation's, {@link #in(String, Region)}
 * another. Thread-safe: each account and region has one lock, held for a whole call but never while S3 is read or
 * written. Reports are generated by a catch-up the engine runs before every call and S3's and this typed API run
 * before they read, so they appear whether the test moves the clock or it runs live; nothing runs in the
 * background. All state lives in one shared object, so a Mockito spy of this simulator shares it.
 */
public class CostProfilerSimulator implements ApplicationCostProfilerClient {
    private static final ServiceErrors ERRORS = ServiceErrors.of(ApplicationCostProfilerClient.class);
    private static final ServiceModel MODEL = ERRORS.model().orElseThrow();
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final Engine engine;
    private final CostProfilerState state;
    /** The account and region the typed API addresses; null: the simulation's. */
    private final String accountId;
    private final Region region;

    /** Created by the simulation (reflectively: the engine is not API); get it with {@code sim.costProfiler()}. */
    CostProfilerSimulator(Engine engine) {
        this(engine, new CostProfilerState(engine.simulation().seed(), engine::newUuid), null, null);
        Reports reports = new Reports(engine, state);
        engine.addCatchUp(reports::catchUp);
    }

    private CostProfilerSimulator(Engine engine, CostProfilerState state, String accountId, Region region) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    // ---- the service -------------------------------------------------------------------------

    @Override
    public PutReportDefinitionResponse putReportDefinition(PutReportDefinitionRequest request) {
        return run("PutReportDefinition", request, c -> {
            locked(c, p -> DefinitionRules.checkNew(p, c, request.reportId()));
            checkDestination(c, request.destinationS3Location());
            return locked(c, p -> DefinitionRules.put(state, p, c, request));
        });
    }

    @Override
    public GetReportDefinitionResponse getReportDefinition(GetReportDefinitionRequest request) {
        return run("GetReportDefinition", request, c -> locked(c, p -> DefinitionRules.get(p, c, request)));
    }

    @Override
    public UpdateReportDefinitionResponse updateReportDefinition(UpdateReportDefinitionRequest request) {
        return run("UpdateReportDefinition", request, c -> {
            // An unknown id is the first thing to tell; the destination is checked only for a definition that exists.
            locked(c, p -> DefinitionRules.get(p, c, GetReportDefinitionRequest.builder().reportId(request.reportId())
                .build()));
            checkDestination(c, request.destinationS3Location());
            return locked(c, p -> DefinitionRules.update(state, p, c, request));
        });
    }

    @Override
    public DeleteReportDefinitionResponse deleteReportDefinition(DeleteReportDefinitionRequest request) {
        return run("DeleteReportDefinition", request, c -> locked(c, p -> DefinitionRules.delete(state, p, c, request)));
    }

    @Override
    public ListReportDefinitionsResponse listReportDefinitions(ListReportDefinitionsRequest request) {
        return run("ListReportDefinitions", request, c -> locked(c, p -> DefinitionRules.list(state, p, c, request)));
    }

    @Override
    public ImportApplicationUsageResponse importApplicationUsage(ImportApplicationUsageRequest request) {
        return run("ImportApplicationUsage", request, c -> {
            List<TenantUsage> usage = ImportRules.read(s3(c), request.sourceS3Location());
            return locked(c, p -> {
                String id = state.ids.get();
                p.imports.add(new UsageImport(id, request.sourceS3Location().bucket(), request.sourceS3Location().key(),
                    c.now(), usage));
                return ImportApplicationUsageResponse.builder().importId(id).build();
            });
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Does nothing: the simulation owns this simulator and outlives any client. */
    @Override
    public void close() {
    }

    // ---- dispatch ----------------------------------------------------------------------------

    private <T> T run(String operation, SdkPojo request, Function<Call, T> rules) {
        Objects.requireNonNull(request, "request");
        engine.catchUp();
        CallContext context = engine.callContext();
        boolean direct = context.service() == null;
        Call call = new Call(operation, direct ? accountId() : context.accountId(),
            direct ? region().id() : context.region(), context.time().truncatedTo(ChronoUnit.MILLIS));
        OperationModel model = MODEL.operation(operation).orElseThrow();
        try {
            Optional<AwsServiceException> invalid = ERRORS.validate(operation, request);
            if (invalid.isPresent()) {
                throw invalid.get();
            }
            locked(call, p -> {
                p.strikeFault(operation);
                return null;
            });
            return rules.apply(call);
        } catch (AwsServiceException e) {
            if (!model.declares(e.getClass().getSimpleName())) {
                // A rule broke the model's contract: fail loudly rather than send an error the SDK cannot expect.
                throw new IllegalStateException(CostProfilerMessages.undeclaredError(operation,
                    e.getClass().getSimpleName(), model.errors()), e);
            }
            throw e;
        }
    }

    private <T> T locked(Call c, Function<Partition, T> action) {
        Partition p = state.partitions.get(c.accountId(), c.region());
        synchronized (p) {
            return action.apply(p);
        }
    }

    private S3Simulator s3(Call c) {
        return engine.simulation().s3().in(c.accountId(), Region.of(c.region()));
    }

    /** The report destination must exist and belong to the caller (read from S3 before this service's lock). */
    private void checkDestination(Call c, S3Location destination) {
        S3Simulator s3 = s3(c);
        if (!s3.bucketExists(destination.bucket())) {
            throw Errors.invalid(CostProfilerMessages.noSuchDestinationBucket(c.operation(), destination.bucket()));
        }
        if (!s3.buckets().contains(destination.bucket())) {
            throw Errors.accessDenied(CostProfilerMessages.foreignDestinationBucket(c.operation(), destination.bucket(),
                c.accountId()));
        }
    }

    // ---- typed API: addressing ---------------------------------------------------------------

    /**
     * This simulator addressing another account and region: its typed methods declare costs and read state there,
     * and its operations called directly act as calls from there. Shares all state with this one.
     *
     * @param accountId 12 digits
     */
    public CostProfilerSimulator in(String accountId, Region region) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException(CostProfilerMessages.badAccountId(accountId));
        }
        return new CostProfilerSimulator(engine, state, accountId, Objects.requireNonNull(region, "region"));
    }

    /** The account the typed methods address. */
    public String accountId() {
        return accountId != null ? accountId : engine.simulation().accountId();
    }

    /** The region the typed methods address. */
    public Region region() {
        return region != null ? region : engine.simulation().region();
    }

    /** Reports due by now are generated first, so what a typed method reads or changes is current. */
    private <T> T typed(Function<Partition, T> action) {
        engine.catchUp();
        Partition p = state.partitions.get(accountId(), region().id());
        synchronized (p) {
            return action.apply(p);
        }
    }

    // ---- typed API: the simulated bill -------------------------------------------------------

    /**
     * Declares what a resource costs per hour on the simulated bill of this account and region (replacing an
     * earlier declaration for the same resourceId). Reports split this cost between the tenants whose imported
     * usage names the resource. Usage of a resource with no declared cost makes the reports of its period
     * {@link CostProfilerReport.Status#FAILED FAILED}, never a silent zero.
     *
     * @return this simulator
     */
    public CostProfilerSimulator resourceCost(ResourceCost cost) {
        Objects.requireNonNull(cost, "cost");
        return typed(p -> {
            p.costs.put(cost.resourceId(), cost);
            return this;
        });
    }

    /**
     * As {@link #resourceCost(ResourceCost)}: {@code resourceId} costs {@code hourlyCost} USD every hour.
     *
     * @return this simulator
     */
    public CostProfilerSimulator resourceCost(String resourceId, String productCode, String usageType, String operation,
                                              java.math.BigDecimal hourlyCost) {
        return resourceCost(ResourceCost.of(resourceId, productCode, usageType, operation, hourlyCost));
    }

    /** The resource costs declared here, in the order first declared. */
    public List<ResourceCost> resourceCosts() {
        return typed(p -> List.copyOf(p.costs.values()));
    }

    // ---- typed API: quota and faults ---------------------------------------------------------

    /**
     * How many report definitions this account may hold; AWS's limit, the default, is 1 ("The maximum number of
     * reports is one"). Raise it to test code that pages through ListReportDefinitions.
     *
     * @return this simulator
     */
    public CostProfilerSimulator reportDefinitionQuota(int quota) {
        if (quota < 0) {
            throw new IllegalArgumentException(CostProfilerMessages.badQuota(quota));
        }
        return typed(p -> {
            p.quota = quota;
            return this;
        });
    }

    /** How many report definitions this account may hold. */
    public int reportDefinitionQuota() {
        return typed(p -> p.quota);
    }

    /**
     * Makes the next {@code calls} calls (attempts: each SDK retry is one) of this account and region answer
     * {@code fault} after the model's checks and before any rule runs, changing nothing. Queued faults add up in
     * order.
     *
     * <pre>{@code
     * sim.costProfiler().failNext(2, CostProfilerFault.THROTTLING);
     * acp.listReportDefinitions(r -> { });     // succeeds on the SDK's 3rd attempt
     * }</pre>
     *
     * @return this simulator
     */
    public CostProfilerSimulator failNext(int calls, CostProfilerFault fault) {
        if (calls < 1) {
            throw new IllegalArgumentException(CostProfilerMessages.badCount(calls));
        }
        Objects.requireNonNull(fault, "fault");
        return typed(p -> {
            p.failNext(calls, fault);
            return this;
        });
    }

    // ---- typed API: state --------------------------------------------------------------------

    /** The report definitions as ListReportDefinitions shows them now, oldest first. */
    public List<ReportDefinition> reportDefinitions() {
        return typed(p -> p.definitions.values().stream().map(Definition::view).toList());
    }

    /** Every successful ImportApplicationUsage, oldest first, with the rows it read. */
    public List<UsageImport> imports() {
        return typed(p -> List.copyOf(p.imports));
    }

    /** Every report generated so far (the clock's boundaries up to now), in the order they were due. */
    public List<CostProfilerReport> reports() {
        return typed(p -> List.copyOf(new ArrayList<>(p.reports)));
    }

    @Override
    public String toString() {
        return "CostProfilerSimulator[account=" + accountId() + ", region=" + region().id() + "]";
    }
}
