package io.github.awssim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The start of a stub: which calls it matches ({@link #where}, {@link #matching}), then its first answer,
 * which installs it. Obtain one from {@link Stubs#on(Class)}.
 *
 * @param <R> the request type of the stubbed operation
 */
public final class StubBuilder<R extends SdkRequest> {
    private final StubRegistry registry;
    private final Class<R> requestType;
    private final List<StubCondition<R>> conditions = new ArrayList<>();

    StubBuilder(StubRegistry registry, Class<R> requestType) {
        this.registry = registry;
        this.requestType = requestType;
    }

    /** Only calls for which {@code predicate} holds; {@code description} names it in near-miss reports. */
    public StubBuilder<R> where(String description, Predicate<? super R> predicate) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(predicate, "predicate");
        conditions.add(StubCondition.predicate(description, predicate));
        return this;
    }

    /** Only calls whose members equal every member set in {@code partialRequest}. */
    public StubBuilder<R> matching(R partialRequest) {
        Objects.requireNonNull(partialRequest, "partialRequest");
        conditions.add(StubCondition.partial(partialRequest));
        return this;
    }

    /** Answers with {@code response} (checked against the model now). */
    public Stub<R> respond(SdkResponse response) {
        return install(StubStep.respond(registry.check(requestType, response)));
    }

    /** Answers with what {@code answer} computes from the request; it may throw the service's exceptions. */
    public Stub<R> answer(Function<? super R, ? extends SdkResponse> answer) {
        return install(StubStep.answer(Objects.requireNonNull(answer, "answer")));
    }

    /** Answers with {@code exception}, a modeled exception of the operation (checked against the model now). */
    public Stub<R> fail(AwsServiceException exception) {
        return install(StubStep.fail(registry.check(requestType, exception)));
    }

    /** Lets the service's backend (the simulator) answer, counting the call. */
    public Stub<R> simulate() {
        return install(StubStep.simulate());
    }

    private Stub<R> install(StubStep step) {
        Stub<R> stub = new Stub<>(registry, requestType, List.copyOf(conditions), step);
        registry.add(stub);
        return stub;
    }
}
