package io.github.awssim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * An installed stub: a sequence of answers, each for a number of calls. Like Mockito's consecutive
 * stubbing, each answer takes one call when another follows it and the last one repeats, unless
 * {@link #times(int)} says otherwise; a stub whose counted answers are all used no longer matches, so
 * later calls go to older stubs or the backend.
 *
 * <pre>{@code
 * Stub<MeterUsageRequest> s = sim.stubs().on(MeterUsageRequest.class)
 *         .fail(throttled).times(2)      // calls 1 and 2
 *         .thenSimulate();               // every call after
 * assertThat(s.calls()).isEqualTo(3);
 * }</pre>
 *
 * Thread-safe.
 *
 * @param <R> the request type of the stubbed operation
 */
public final class Stub<R extends SdkRequest> {
    private final StubRegistry registry;
    private final Class<R> requestType;
    private final List<StubCondition<R>> conditions;
    private final List<StubStep> steps = new ArrayList<>();
    private final long id;
    private int calls;

    Stub(StubRegistry registry, Class<R> requestType, List<StubCondition<R>> conditions, StubStep first) {
        this.registry = registry;
        this.requestType = requestType;
        this.conditions = conditions;
        this.steps.add(first);
        this.id = registry.nextId();
    }

    /** The last answer takes exactly {@code n} calls. */
    public synchronized Stub<R> times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(io.github.awssim.core.internal.Messages.stubTimes(describe(), n));
        }
        steps.get(steps.size() - 1).times = n;
        return this;
    }

    /** The last answer takes exactly one call. */
    public Stub<R> once() {
        return times(1);
    }

    /** Then answers with {@code response}. */
    public Stub<R> thenRespond(SdkResponse response) {
        return then(StubStep.respond(registry.check(requestType, response)));
    }

    /** Then answers with what {@code answer} computes. */
    public Stub<R> thenAnswer(Function<? super R, ? extends SdkResponse> answer) {
        return then(StubStep.answer(Objects.requireNonNull(answer, "answer")));
    }

    /** Then answers with {@code exception}. */
    public Stub<R> thenFail(AwsServiceException exception) {
        return then(StubStep.fail(registry.check(requestType, exception)));
    }

    /** Then lets the backend (the simulator) answer. */
    public Stub<R> thenSimulate() {
        return then(StubStep.simulate());
    }

    private synchronized Stub<R> then(StubStep next) {
        steps.add(next);
        return this;
    }

    /** The operation's request type. */
    public Class<R> requestType() {
        return requestType;
    }

    /** Calls this stub has answered (or passed to the simulator), retries included. */
    public synchronized int calls() {
        return calls;
    }

    public synchronized boolean isUsed() {
        return calls > 0;
    }

    /** True once every answer with a count has taken its calls and nothing repeats. */
    public synchronized boolean isExhausted() {
        return current() == null;
    }

    /** Removes this stub. */
    public void remove() {
        registry.remove(this);
    }

    /** e.g. {@code stub #2 MeterUsageRequest [UsageDimension='Hosts']: fail ThrottlingException ×2, then simulate}. */
    public synchronized String describe() {
        StringBuilder b = new StringBuilder("stub #").append(id).append(' ').append(requestType.getSimpleName());
        for (StubCondition<R> c : conditions) {
            b.append(' ').append(c.description());
        }
        b.append(": ");
        for (int i = 0; i < steps.size(); i++) {
            b.append(i == 0 ? "" : ", then ").append(steps.get(i).describe());
        }
        return b.append(" (").append(calls).append(calls == 1 ? " call)" : " calls)").toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    List<String> misses(R request) {
        List<String> out = new ArrayList<>();
        for (StubCondition<R> c : conditions) {
            out.addAll(c.misses(request));
        }
        return out;
    }

    /** Takes the next answer for a matching call, or null when this stub is used up. */
    synchronized StubStep take() {
        StubStep step = current();
        if (step != null) {
            step.used++;
            calls++;
        }
        return step;
    }

    private StubStep current() {
        for (int i = 0; i < steps.size(); i++) {
            StubStep s = steps.get(i);
            boolean last = i == steps.size() - 1;
            int capacity = s.times > 0 ? s.times : (last ? Integer.MAX_VALUE : 1);
            if (s.used < capacity) {
                return s;
            }
        }
        return null;
    }

    long id() {
        return id;
    }
}
