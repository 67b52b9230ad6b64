package io.github.awssim.sdk.internal;

import io.github.awssim.core.internal.Engine;
import java.time.Duration;
import java.util.function.Predicate;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's own retry strategy (same classification, attempts, token bucket and computed delays) whose
 * delays pass on the simulation's clock instead of being slept: the SDK is told to wait zero, and the
 * simulation's time moves by the delay the SDK chose.
 */
public final class VirtualBackoffRetryStrategy implements RetryStrategy {
    private final RetryStrategy delegate;
    private final Engine engine;

    public VirtualBackoffRetryStrategy(RetryStrategy delegate, Engine engine) {
        this.delegate = delegate;
        this.engine = engine;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        AcquireInitialTokenResponse r = delegate.acquireInitialToken(request);
        engine.elapse(r.delay());
        return AcquireInitialTokenResponse.create(r.token(), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        RefreshRetryTokenResponse r = delegate.refreshRetryToken(request);
        engine.elapse(r.delay());
        return RefreshRetryTokenResponse.create(r.token(), Duration.ZERO);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    /** The delegate was built with the SDK's defaults already; the client must not add them again. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return new VirtualBuilder(delegate.toBuilder(), engine);
    }

    public RetryStrategy delegate() {
        return delegate;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class VirtualBuilder implements Builder<VirtualBuilder, VirtualBackoffRetryStrategy> {
        private final Builder delegate;
        private final Engine engine;

        VirtualBuilder(Builder<?, ?> delegate, Engine engine) {
            this.delegate = delegate;
            this.engine = engine;
        }

        @Override
        public VirtualBuilder retryOnException(Predicate<Throwable> shouldRetry) {
            delegate.retryOnException(shouldRetry);
            return this;
        }

        @Override
        public VirtualBuilder maxAttempts(int maxAttempts) {
            delegate.maxAttempts(maxAttempts);
            return this;
        }

        @Override
        public VirtualBuilder backoffStrategy(BackoffStrategy backoffStrategy) {
            delegate.backoffStrategy(backoffStrategy);
            return this;
        }

        @Override
        public VirtualBuilder throttlingBackoffStrategy(BackoffStrategy throttlingBackoffStrategy) {
            delegate.throttlingBackoffStrategy(throttlingBackoffStrategy);
            return this;
        }

        @Override
        public VirtualBuilder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
            delegate.treatAsThrottling(treatAsThrottling);
            return this;
        }

        @Override
        public VirtualBackoffRetryStrategy build() {
            return new VirtualBackoffRetryStrategy((RetryStrategy) delegate.build(), engine);
        }
    }
}
