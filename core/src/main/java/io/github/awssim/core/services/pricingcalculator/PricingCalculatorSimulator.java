package io.github.awssim.core.services.pricingcalculator;

import io.github.awssim.core.CallContext;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchCreateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchDeleteWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioCommitmentModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateBillScenarioUsageModificationResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BatchUpdateWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillEstimateSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.BillScenarioSummary;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.CreateWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DeleteWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateCommitmentsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateCommitmentsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputCommitmentModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateInputUsageModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateLineItemsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimateLineItemsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillEstimatesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioCommitmentModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioCommitmentModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioUsageModificationsRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenarioUsageModificationsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListBillScenariosResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimateUsageRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimateUsageResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimatesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListWorkloadEstimatesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.TagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.TagResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UntagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UntagResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateBillScenarioResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdatePreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdatePreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateWorkloadEstimateRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdateWorkloadEstimateResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.WorkloadEstimateSummary;

/**
 * AWS Billing and Cost Management Pricing Calculator, simulated: the backend answering every
 * {@code BcmPricingCalculatorClient} and {@code BcmPricingCalculatorAsyncClient} call of a simulation (all 36
 * operations), and the typed API tests use to set prices and knobs and to read state. Get it with
 * {@code sim.pricingCalculator()}.
 *
 * <pre>{@code
 * Simulation sim = Simulation.builder().startTime(Instant.parse("2026-06-10T09:00:00Z")).build();
 * sim.pricingCalculator().rate("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"));
 * BcmPricingCalculatorClient bcm = SimulatedClients.create(sim, BcmPricingCalculatorClient.class);
 * String scenario = bcm.createBillScenario(r -> r.name("growth")).id();
 * bcm.batchCreateBillScenarioUsageModification(r -> r.billScenarioId(scenario).usageModifications(e -> e
 *         .key("web").serviceCode("AmazonEC2").usageType("BoxUsage:t3.micro").operation("RunInstances")
 *         .usageAccountId(sim.accountId())
 *         .amounts(a -> a.startHour(Instant.parse("2026-05-01T00:00:00Z")).amount(720.0))));
 * String estimate = bcm.createBillEstimate(r -> r.billScenarioId(scenario).name("june")).id();   // IN_PROGRESS
 * sim.clock().advance(PricingCalculatorSimulator.DEFAULT_BILL_ESTIMATE_DELAY);                     // COMPLETE
 * bcm.listBillEstimateLineItems(r -> r.billEstimateId(estimate)).items();                        // 720 × 0.0104
 * }</pre>
 *
 * <h2>Rules, in the order they are decided</h2>
 * Every operation first checks the request against the service model: lengths, ranges, enums, required
 * members, patterns matched <em>whole</em> (a name must match {@code [a-zA-Z0-9-]+} in full), unions with exactly
 * one member. Violations answer {@code ValidationException} (HTTP 400, reason {@code fieldValidationFailed},
 * {@code fieldList} naming each member). Then a fault queued by {@link #failNext} strikes, then expired resources
 * are forgotten, then the operation's rules run:
 * <ul>
 *   <li><b>Accounts.</b> A {@link AccountType#MEMBER member} account gets {@code AccessDeniedException} from every
 *       bill scenario and bill estimate operation, and {@code ValidationException} (reason
 *       {@code invalidRequestFromMember}) from UpdatePreferences.</li>
 *   <li><b>ClientToken</b> (the six create operations; the SDK fills it with a fresh UUID per call and keeps it on
 *       retries): the same token with the same parameters answers the first call's response again and changes
 *       nothing; with other parameters, {@code ConflictException}. Tokens are remembered per operation,
 *       account and region (the most recent {@value Partition#CLIENT_TOKENS_REMEMBERED}).</li>
 *   <li><b>Not found.</b> Get, Update, List of children and Batch operations on an unknown or expired id answer
 *       {@code ResourceNotFoundException} ({@code resourceType} {@code BillScenario}, {@code BillEstimate} or
 *       {@code WorkloadEstimate}). Deletes of an unknown id succeed: they declare no such error.</li>
 *   <li><b>Bill scenarios</b> are {@code READY}; {@code LOCKED} while a bill estimate is generated from them (their
 *       edits, deletion and a second estimate answer {@code ConflictException}); {@code STALE} once a month newer
 *       than their bill interval has completed (still editable, but a new estimate answers
 *       {@code ConflictException}: create a new scenario). A scenario's {@code billInterval} is the last complete UTC
 *       calendar month when it was created; usage amounts must start on whole hours inside it.</li>
 *   <li><b>Batch operations</b> take 1 to 25 entries and answer per entry: created entries are matched by
 *       {@code key}, updated and deleted ones by {@code id}. Entry error codes: a key repeated in one request
 *       {@code CONFLICT}; an id repeated {@code BAD_REQUEST}; an unknown id {@code NOT_FOUND} (updates, and
 *       workload usage deletes; bill scenario deletes ignore unknown ids, their model has no NOT_FOUND); amounts
 *       that are negative, not finite, not on a whole hour, outside the bill interval or repeating an hour, and a
 *       usage account outside the consolidated billing family ({@link #linkAccounts}; bill scenario and workload
 *       estimate usage alike), {@code BAD_REQUEST}; the
 *       latter is {@code INVALID_ACCOUNT} for commitments; {@link #failNextEntries queued entry failures}
 *       {@code INTERNAL_SERVER_ERROR}. A batch that would take a scenario or workload estimate past its usage-line
 *       quota (2,000 lines by default) answers
 *       {@code ServiceQuotaExceededException} and creates nothing.</li>
 *   <li><b>Bill estimates</b> answer {@code IN_PROGRESS} and turn {@code COMPLETE} (or {@code FAILED}) when the
 *       simulation clock reaches creation + {@link #billEstimateDelay} ({@link #DEFAULT_BILL_ESTIMATE_DELAY} by
 *       default). Their result is computed at creation from the scenario's lines and the rates of that moment:
 *       each usage line's amounts summed × its {@link #rate rate}; an added Reserved Instance at its
 *       {@link #commitmentPrice offering's price} × instance count; an added Savings Plan at its hourly commitment
 *       × the hours of the bill interval; a removed commitment takes its {@link #commitmentPrice price} off the
 *       historical bill. A missing price makes the estimate {@code FAILED} with a {@code failureMessage} naming
 *       every missing price. Names are unique per account ({@code ConflictException}). Line items and
 *       commitments of an estimate that is not {@code COMPLETE} answer {@code DataUnavailableException}; its
 *       input lists are the scenario's lines frozen at creation. Deleting an estimate in progress answers
 *       {@code ConflictException}.</li>
 *   <li><b>Workload estimates</b>: every usage change prices all lines at the current rates and shows
 *       {@code UPDATING} for {@link #workloadEstimateDelay}, then {@code VALID} with {@code totalCost} = Σ amount ×
 *       rate; {@code INVALID} (lines {@code INVALID}, {@code failureMessage} naming the missing rates) while a line
 *       has no rate; {@code ACTION_NEEDED} (lines {@code STALE}) once a rate used changed or appeared after pricing
 *       — change the usage to re-price. A {@code rateType} the account's preferences exclude answers
 *       {@code ValidationException} with reason {@code disallowedRate}.</li>
 *   <li><b>Expiry</b>: each resource expires {@link #DEFAULT_TTL 365 days} after creation unless
 *       {@link #expireAfter} or an Update's {@code expiresAt} (which must be in the future) says otherwise; from
 *       then on it is not found and not listed.</li>
 *   <li><b>Lists</b> return creation order, at most {@code maxResults} (1–25; ListWorkloadEstimateUsage 1–300; the
 *       maximum when absent), with an opaque {@code nextToken} bound to the operation, parent and filters; a
 *       forged or foreign token answers {@code ValidationException}.</li>
 *   <li><b>Tags</b> (by ARN {@code arn:aws:bcm-pricing-calculator::<account>:<bill-scenario|bill-estimate|
 *       workload-estimate>/<id>}, see {@link #arn}): keys starting with {@code aws:} answer
 *       {@code ValidationException}; more than 50 user tags answer {@code ServiceQuotaExceededException} from
 *       TagResource and {@code ValidationException} at creation.</li>
 * </ul>
 * An operation only ever answers the errors its model declares.
 *
 * <h2>Accounts and regions</h2>
 * The service is global: the SDK sends every region's calls to one endpoint (us-east-1 in the {@code aws}
 * partition) and signs them for it. So state, knobs and ClientTokens are kept per account and AWS partition,
 * whatever region a client or the simulation names; the price list is one per simulation. The typed methods
 * address the simulation's account; {@link #in(String, Region)} addresses another.
 *
 * <p>Thread-safe: each account and partition has one lock, held for a whole call. Time-driven changes (estimates
 * completing, expiry) are evaluated from the simulation clock whenever state is read; nothing runs in the
 * background. All state lives in one shared object, so a Mockito spy of this simulator shares it.
 */
public class PricingCalculatorSimulator implements BcmPricingCalculatorClient {
    /**
     * How long a bill estimate is generated unless {@link #billEstimateDelay} says otherwise. AWS: "between 20
     * minutes to 12 hours" (user guide; the SDK's documentation says 8 to 12 hours). awssim takes the low end.
     */
    public static final Duration DEFAULT_BILL_ESTIMATE_DELAY = Duration.ofMinutes(20);
    /** How long a workload estimate shows UPDATING after a usage change. Not documented by AWS: awssim's choice. */
    public static final Duration DEFAULT_WORKLOAD_ESTIMATE_DELAY = Duration.ofSeconds(5);
    /** How long a resource lives unless told otherwise. Not documented by AWS: awssim's choice. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(365);

    private static final ServiceErrors ERRORS = ServiceErrors.of(BcmPricingCalculatorClient.class);
    private static final ServiceModel MODEL = ERRORS.model().orElseThrow();
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern UUID = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");

    private final Engine engine;
    private final PricingCalculatorState state;
    /** The account and region the typed API addresses; null: the simulation's. */
    private final String accountId;
    private final Region region;

    /** Created by the simulation (reflectively: the engine is not API); get it with {@code sim.pricingCalculator()}. */
    PricingCalculatorSimulator(Engine engine) {
        this(engine, new PricingCalculatorState(engine.simulation().seed(), engine::newUuid), null, null);
    }

    private PricingCalculatorSimulator(Engine engine, PricingCalculatorState state, String accountId, Region region) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    // ---- the service: bill scenarios ---------------------------------------------------------

    @Override
    public CreateBillScenarioResponse createBillScenario(CreateBillScenarioRequest request) {
        return run("CreateBillScenario", request, (p, c) -> BillScenarioRules.create(state, p, c, request));
    }

    @Override
    public GetBillScenarioResponse getBillScenario(GetBillScenarioRequest request) {
        return run("GetBillScenario", request, (p, c) -> BillScenarioRules.get(p, c, request));
    }

    @Override
    public UpdateBillScenarioResponse updateBillScenario(UpdateBillScenarioRequest request) {
        return run("UpdateBillScenario", request, (p, c) -> BillScenarioRules.update(p, c, request));
    }

    @Override
    public DeleteBillScenarioResponse deleteBillScenario(DeleteBillScenarioRequest request) {
        return run("DeleteBillScenario", request, (p, c) -> BillScenarioRules.delete(p, c, request));
    }

    @Override
    public ListBillScenariosResponse listBillScenarios(ListBillScenariosRequest request) {
        return run("ListBillScenarios", request, (p, c) -> BillScenarioRules.list(state, p, c, request));
    }

    @Override
    public BatchCreateBillScenarioUsageModificationResponse batchCreateBillScenarioUsageModification(
        BatchCreateBillScenarioUsageModificationRequest request) {
        return run("BatchCreateBillScenarioUsageModification", request,
            (p, c) -> BillScenarioRules.createUsage(state, p, c, request));
    }

    @Override
    public BatchUpdateBillScenarioUsageModificationResponse batchUpdateBillScenarioUsageModification(
        BatchUpdateBillScenarioUsageModificationRequest request) {
        return run("BatchUpdateBillScenarioUsageModification", request,
            (p, c) -> BillScenarioRules.updateUsage(state, p, c, request));
    }

    @Override
    public BatchDeleteBillScenarioUsageModificationResponse batchDeleteBillScenarioUsageModification(
        BatchDeleteBillScenarioUsageModificationRequest request) {
        return run("BatchDeleteBillScenarioUsageModification", request,
            (p, c) -> BillScenarioRules.deleteUsage(p, c, request));
    }

    @Override
    public ListBillScenarioUsageModificationsResponse listBillScenarioUsageModifications(
        ListBillScenarioUsageModificationsRequest request) {
        return run("ListBillScenarioUsageModifications", request,
            (p, c) -> BillScenarioRules.listUsage(state, p, c, request));
    }

    @Override
    public BatchCreateBillScenarioCommitmentModificationResponse batchCreateBillScenarioCommitmentModification(
        BatchCreateBillScenarioCommitmentModificationRequest request) {
        return run("BatchCreateBillScenarioCommitmentModification", request,
            (p, c) -> BillScenarioRules.createCommitments(state, p, c, request));
    }

    @Override
    public BatchUpdateBillScenarioCommitmentModificationResponse batchUpdateBillScenarioCommitmentModification(
        BatchUpdateBillScenarioCommitmentModificationRequest request) {
        return run("BatchUpdateBillScenarioCommitmentModification", request,
            (p, c) -> BillScenarioRules.updateCommitments(p, c, request));
    }

    @Override
    public BatchDeleteBillScenarioCommitmentModificationResponse batchDeleteBillScenarioCommitmentModification(
        BatchDeleteBillScenarioCommitmentModificationRequest request) {
        return run("BatchDeleteBillScenarioCommitmentModification", request,
            (p, c) -> BillScenarioRules.deleteCommitments(p, c, request));
    }

    @Override
    public ListBillScenarioCommitmentModificationsResponse listBillScenarioCommitmentModifications(
        ListBillScenarioCommitmentModificationsRequest request) {
        return run("ListBillScenarioCommitmentModifications", request,
            (p, c) -> BillScenarioRules.listCommitments(state, p, c, request));
    }

    // ---- the service: bill estimates ---------------------------------------------------------

    @Override
    public CreateBillEstimateResponse createBillEstimate(CreateBillEstimateRequest request) {
        return run("CreateBillEstimate", request, (p, c) -> BillEstimateRules.create(state, p, c, request));
    }

    @Override
    public GetBillEstimateResponse getBillEstimate(GetBillEstimateRequest request) {
        return run("GetBillEstimate", request, (p, c) -> BillEstimateRules.get(p, c, request));
    }

    @Override
    public UpdateBillEstimateResponse updateBillEstimate(UpdateBillEstimateRequest request) {
        return run("UpdateBillEstimate", request, (p, c) -> BillEstimateRules.update(p, c, request));
    }

    @Override
    public DeleteBillEstimateResponse deleteBillEstimate(DeleteBillEstimateRequest request) {
        return run("DeleteBillEstimate", request, (p, c) -> BillEstimateRules.delete(p, c, request));
    }

    @Override
    public ListBillEstimatesResponse listBillEstimates(ListBillEstimatesRequest request) {
        return run("ListBillEstimates", request, (p, c) -> BillEstimateRules.list(state, p, c, request));
    }

    @Override
    public ListBillEstimateLineItemsResponse listBillEstimateLineItems(ListBillEstimateLineItemsRequest request) {
        return run("ListBillEstimateLineItems", request, (p, c) -> BillEstimateRules.listLineItems(state, p, c, request));
    }

    @Override
    public ListBillEstimateCommitmentsResponse listBillEstimateCommitments(ListBillEstimateCommitmentsRequest request) {
        return run("ListBillEstimateCommitments", request,
            (p, c) -> BillEstimateRules.listCommitments(state, p, c, request));
    }

    @Override
    public ListBillEstimateInputUsageModificationsResponse listBillEstimateInputUsageModifications(
        ListBillEstimateInputUsageModificationsRequest request) {
        return run("ListBillEstimateInputUsageModifications", request,
            (p, c) -> BillEstimateRules.listInputUsage(state, p, c, request));
    }

    @Override
    public ListBillEstimateInputCommitmentModificationsResponse listBillEstimateInputCommitmentModifications(
        ListBillEstimateInputCommitmentModificationsRequest request) {
        return run("ListBillEstimateInputCommitmentModifications", request,
            (p, c) -> BillEstimateRules.listInputCommitments(state, p, c, request));
    }

    // ---- the service: workload estimates -----------------------------------------------------

    @Override
    public CreateWorkloadEstimateResponse createWorkloadEstimate(CreateWorkloadEstimateRequest request) {
        return run("CreateWorkloadEstimate", request, (p, c) -> WorkloadEstimateRules.create(state, p, c, request));
    }

    @Override
    public GetWorkloadEstimateResponse getWorkloadEstimate(GetWorkloadEstimateRequest request) {
        return run("GetWorkloadEstimate", request, (p, c) -> WorkloadEstimateRules.get(state, p, c, request));
    }

    @Override
    public UpdateWorkloadEstimateResponse updateWorkloadEstimate(UpdateWorkloadEstimateRequest request) {
        return run("UpdateWorkloadEstimate", request, (p, c) -> WorkloadEstimateRules.update(state, p, c, request));
    }

    @Override
    public DeleteWorkloadEstimateResponse deleteWorkloadEstimate(DeleteWorkloadEstimateRequest request) {
        return run("DeleteWorkloadEstimate", request, (p, c) -> WorkloadEstimateRules.delete(p, c, request));
    }

    @Override
    public ListWorkloadEstimatesResponse listWorkloadEstimates(ListWorkloadEstimatesRequest request) {
        return run("ListWorkloadEstimates", request, (p, c) -> WorkloadEstimateRules.list(state, p, c, request));
    }

    @Override
    public BatchCreateWorkloadEstimateUsageResponse batchCreateWorkloadEstimateUsage(
        BatchCreateWorkloadEstimateUsageRequest request) {
        return run("BatchCreateWorkloadEstimateUsage", request,
            (p, c) -> WorkloadEstimateRules.createUsage(state, p, c, request));
    }

    @Override
    public BatchUpdateWorkloadEstimateUsageResponse batchUpdateWorkloadEstimateUsage(
        BatchUpdateWorkloadEstimateUsageRequest request) {
        return run("BatchUpdateWorkloadEstimateUsage", request,
            (p, c) -> WorkloadEstimateRules.updateUsage(state, p, c, request));
    }

    @Override
    public BatchDeleteWorkloadEstimateUsageResponse batchDeleteWorkloadEstimateUsage(
        BatchDeleteWorkloadEstimateUsageRequest request) {
        return run("BatchDeleteWorkloadEstimateUsage", request,
            (p, c) -> WorkloadEstimateRules.deleteUsage(state, p, c, request));
    }

    @Override
    public ListWorkloadEstimateUsageResponse listWorkloadEstimateUsage(ListWorkloadEstimateUsageRequest request) {
        return run("ListWorkloadEstimateUsage", request, (p, c) -> WorkloadEstimateRules.listUsage(state, p, c, request));
    }

    // ---- the service: preferences and tags ---------------------------------------------------

    @Override
    public GetPreferencesResponse getPreferences(GetPreferencesRequest request) {
        return run("GetPreferences", request, (p, c) -> AccountRules.getPreferences(p, c, request));
    }

    @Override
    public UpdatePreferencesResponse updatePreferences(UpdatePreferencesRequest request) {
        return run("UpdatePreferences", request, (p, c) -> AccountRules.updatePreferences(p, c, request));
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return run("TagResource", request, (p, c) -> AccountRules.tag(p, c, request));
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return run("UntagResource", request, (p, c) -> AccountRules.untag(p, c, request));
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return run("ListTagsForResource", request, (p, c) -> AccountRules.listTags(p, c, request));
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

    private <T> T run(String operation, SdkPojo request, BiFunction<Partition, Call, T> rules) {
        Objects.requireNonNull(request, "request");
        CallContext context = engine.callContext();
        boolean direct = context.service() == null;
        String account = direct ? accountId() : context.accountId();
        String regionId = direct ? region().id() : home(context.region());
        Partition partition = state.partitions.get(account, regionId);
        // the wire carries milliseconds: state keeps what clients see, so a filter on a returned time finds it
        Call call = new Call(operation, account, regionId, context.time().truncatedTo(ChronoUnit.MILLIS));
        OperationModel model = MODEL.operation(operation).orElseThrow();
        try {
            validate(operation, request);
            synchronized (partition) {
                partition.strikeFault(call, fault -> model.declares(exceptionOf(fault)));
                partition.sweep(call.now());
                return rules.apply(partition, call);
            }
        } catch (AwsServiceException e) {
            if (!model.declares(e.getClass().getSimpleName())) {
                // A rule broke the model's contract: fail loudly rather than send an error the SDK cannot expect.
                throw new IllegalStateException(PricingCalculatorMessages.undeclaredError(operation,
                    e.getClass().getSimpleName(), model.errors()), e);
            }
            throw e;
        }
    }

    private static String exceptionOf(PricingCalculatorFault fault) {
        switch (fault) {
            case THROTTLING:
                return "ThrottlingException";
            case INTERNAL_ERROR:
                return "InternalServerException";
            default:
                return "DataUnavailableException";
        }
    }

    /** The model's constraints as AWS's front end checks them, patterns matched whole and unions with one member. */
    private static void validate(String operation, SdkPojo request) {
        Optional<AwsServiceException> loose = ERRORS.validate(operation, request);
        if (loose.isPresent()) {
            throw loose.get();
        }
        OperationModel op = MODEL.operation(operation).orElseThrow();
        List<Violation> strict = op.input().map(in -> ModelChecks.check(in, request)).orElse(List.of());
        if (!strict.isEmpty()) {
            throw ERRORS.validation(strict);
        }
    }

    // ---- typed API: addressing ---------------------------------------------------------------

    /**
     * This simulator addressing another account and region: its typed methods set knobs and read state there, and
     * its operations called directly act as calls to it. Shares all state (and the price list) with this one.
     *
     * @param accountId 12 digits
     */
    public PricingCalculatorSimulator in(String accountId, Region region) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badAccountId(accountId));
        }
        return new PricingCalculatorSimulator(engine, state, accountId, Objects.requireNonNull(region, "region"));
    }

    /** The account the typed methods address. */
    public String accountId() {
        return accountId != null ? accountId : engine.simulation().accountId();
    }

    /**
     * The region whose endpoint serves the account's state: the partition's one endpoint region (us-east-1 in
     * {@code aws}), whichever region of the partition the simulation or {@link #in} named.
     */
    public Region region() {
        return Region.of(home((region != null ? region : engine.simulation().region()).id()));
    }

    /** The SDK's endpoint rules send every region of a partition to this one (bcm-pricing-calculator.us-east-1.api.aws). */
    private static String home(String regionId) {
        switch (partitionOf(regionId)) {
            case "aws-cn":
                return "cn-northwest-1";
            case "aws-us-gov":
                return "us-gov-west-1";
            default:
                return "us-east-1";
        }
    }

    /**
     * The ARN of a resource of this account, as TagResource, UntagResource and ListTagsForResource take it:
     * {@code arn:aws:bcm-pricing-calculator::123456789012:bill-scenario/<id>}. The service's ARNs name no region.
     */
    public String arn(PricingCalculatorResource type, String id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        return "arn:" + partitionOf(region().id()) + ":bcm-pricing-calculator::" + accountId() + ":" + type.arnType() + "/" + id;
    }

    private static String partitionOf(String id) {
        return id.startsWith("cn-") ? "aws-cn" : id.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private <T> T locked(Function<Partition, T> action) {
        Partition p = state.partitions.get(accountId(), region().id());
        synchronized (p) {
            return action.apply(p);
        }
    }

    private PricingCalculatorSimulator configure(java.util.function.Consumer<Partition> action) {
        locked(p -> {
            action.accept(p);
            return null;
        });
        return this;
    }

    // ---- typed API: prices -------------------------------------------------------------------

    /**
     * Sets the price of one unit of usage of a (service code, usage type, operation), in USD, for every account
     * and region of the simulation. Estimates created, and workload estimates priced, from now on use it; a
     * workload estimate priced before turns {@code ACTION_NEEDED}. Setting the same rate again changes nothing.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator rate(String serviceCode, String usageType, String operation, BigDecimal pricePerUnit) {
        return rate(Rate.of(serviceCode, usageType, operation, pricePerUnit));
    }

    /** As {@link #rate(String, String, String, BigDecimal)}, with a unit and location. @return this simulator */
    public PricingCalculatorSimulator rate(Rate rate) {
        state.prices.put(Objects.requireNonNull(rate, "rate"));
        return this;
    }

    /** The rate of a (service code, usage type, operation), if one is set. */
    public Optional<Rate> rate(String serviceCode, String usageType, String operation) {
        return state.prices.get(new Rate.RateKey(serviceCode, usageType, operation)).map(Prices.Versioned::rate);
    }

    /** Every rate set, in the order first set. */
    public List<Rate> rates() {
        return state.prices.all();
    }

    /**
     * Sets what a commitment costs, in USD. For a Reserved Instance offering ({@code reservedInstancesOfferingId}
     * of an {@code addReservedInstanceAction}): the payments per instance. For an existing Reserved Instance or
     * Savings Plan ({@code reservedInstancesId} or {@code savingsPlanId} of a negate action): its payments, which
     * the estimate takes off the historical bill. An added Savings Plan needs no price: it costs its hourly
     * commitment for every hour of the bill interval.
     *
     * @param id a Reserved Instance offering id, or the id of an existing Reserved Instance or Savings Plan
     * @return this simulator
     */
    public PricingCalculatorSimulator commitmentPrice(String id, BigDecimal upfrontPayment, BigDecimal monthlyPayment) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badCommitmentId(id));
        }
        requireNotNegative("upfrontPayment", upfrontPayment);
        requireNotNegative("monthlyPayment", monthlyPayment);
        state.prices.putCommitment(id, new Prices.CommitmentPrice(upfrontPayment, monthlyPayment));
        return this;
    }

    // ---- typed API: account ------------------------------------------------------------------

    /** What the account is in AWS Organizations; {@link AccountType#STANDALONE} by default. @return this simulator */
    public PricingCalculatorSimulator accountType(AccountType type) {
        Objects.requireNonNull(type, "type");
        return configure(p -> p.accountType = type);
    }

    /** The account's type. */
    public AccountType accountType() {
        return locked(p -> p.accountType);
    }

    /**
     * Adds accounts to this account's consolidated billing family: bill scenario usage and commitments may name
     * them as {@code usageAccountId}. By default the family is the account alone.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator linkAccounts(String... accountIds) {
        List<String> ids = Arrays.asList(Objects.requireNonNull(accountIds, "accountIds"));
        for (String id : ids) {
            if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(PricingCalculatorMessages.badAccountId(id));
            }
        }
        return configure(p -> p.linkedAccounts.addAll(ids));
    }

    // ---- typed API: time, quotas, failures ---------------------------------------------------

    /** How long bill estimates created from now on take; zero completes them at once. @return this simulator */
    public PricingCalculatorSimulator billEstimateDelay(Duration delay) {
        requireNotNegative("billEstimateDelay", delay);
        return configure(p -> p.billEstimateDelay = delay);
    }

    /**
     * How long a workload estimate shows UPDATING after a usage change; zero prices it at once.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator workloadEstimateDelay(Duration delay) {
        requireNotNegative("workloadEstimateDelay", delay);
        return configure(p -> p.workloadEstimateDelay = delay);
    }

    /**
     * How long resources of one type live after creation, for those created from now on. Default
     * {@link #DEFAULT_TTL}.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator expireAfter(PricingCalculatorResource type, Duration ttl) {
        Objects.requireNonNull(type, "type");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badDuration("expireAfter", ttl));
        }
        return configure(p -> p.ttl(type, ttl));
    }

    /** Changes a quota; see {@link PricingCalculatorQuota} for the defaults. @return this simulator */
    public PricingCalculatorSimulator quota(PricingCalculatorQuota quota, int limit) {
        Objects.requireNonNull(quota, "quota");
        if (limit < 0) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badQuota(quota, limit));
        }
        return configure(p -> p.quota(quota, limit));
    }

    /**
     * Makes the next {@code calls} calls (attempts: each SDK retry is one) answer {@code fault} before any rule
     * runs, changing nothing. A fault strikes only operations that declare it (DATA_UNAVAILABLE passes the tag
     * operations by). Queued faults add up in order.
     *
     * <pre>{@code
     * sim.pricingCalculator().failNext(2, PricingCalculatorFault.THROTTLING);
     * bcm.getPreferences(r -> { });          // succeeds on the SDK's 3rd attempt
     * }</pre>
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator failNext(int calls, PricingCalculatorFault fault) {
        requireCount(calls);
        Objects.requireNonNull(fault, "fault");
        return configure(p -> p.failNext(calls, fault));
    }

    /**
     * Makes the next {@code count} bill estimates created here end {@code FAILED} with {@code failureMessage},
     * as AWS's do when generation fails, instead of computing a result.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator failNextBillEstimates(int count, String failureMessage) {
        requireCount(count);
        Objects.requireNonNull(failureMessage, "failureMessage");
        return configure(p -> p.failNextBillEstimates(count, failureMessage));
    }

    /**
     * Makes the next {@code entries} entries of Batch operations here fail with {@code INTERNAL_SERVER_ERROR} and
     * change nothing, while the other entries of their batch succeed: a partial failure to retry.
     *
     * @return this simulator
     */
    public PricingCalculatorSimulator failNextEntries(int entries) {
        requireCount(entries);
        return configure(p -> p.failNextEntries(entries));
    }

    // ---- typed API: state --------------------------------------------------------------------

    /** The bill scenarios as ListBillScenarios shows them now, oldest first. */
    public List<BillScenarioSummary> billScenarios() {
        Instant now = engine.clock().instant();
        return locked(p -> {
            p.sweep(now);
            return p.scenarios.values().stream()
                .map(s -> Views.copy(Views.scenario(p, s, now), BillScenarioSummary.builder())).toList();
        });
    }

    /** The bill estimates as ListBillEstimates shows them now, oldest first. */
    public List<BillEstimateSummary> billEstimates() {
        Instant now = engine.clock().instant();
        return locked(p -> {
            p.sweep(now);
            return p.estimates.values().stream()
                .map(e -> Views.copy(Views.estimate(e, now), BillEstimateSummary.builder())).toList();
        });
    }

    /** The workload estimates as ListWorkloadEstimates shows them now, oldest first. */
    public List<WorkloadEstimateSummary> workloadEstimates() {
        Instant now = engine.clock().instant();
        return locked(p -> {
            p.sweep(now);
            return p.workloads.values().stream()
                .map(w -> Views.copy(Views.workload(w, state.prices, now), WorkloadEstimateSummary.builder())).toList();
        });
    }

    private static void requireCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badCount(count));
        }
    }

    private static void requireNotNegative(String what, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badDuration(what, d));
        }
    }

    private static void requireNotNegative(String what, BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(PricingCalculatorMessages.badPayment(what, amount));
        }
    }

    @Override
    public String toString() {
        return "PricingCalculatorSimulator[account=" + accountId() + ", region=" + region().id() + "]";
    }
}
