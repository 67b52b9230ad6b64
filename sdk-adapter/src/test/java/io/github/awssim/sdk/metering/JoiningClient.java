package io.github.awssim.sdk.metering;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * A real async client seen through the sync interface, so one scenario drives both client kinds (each has
 * its own SDK pipeline and HTTP-client contract): every call goes to the async method of the same signature
 * and waits for its future, and a failure is rethrown unwrapped, as the sync client throws it.
 */
final class JoiningClient {
    private JoiningClient() {
    }

    static MarketplaceMeteringClient of(MarketplaceMeteringAsyncClient async) {
        InvocationHandler handler = (proxy, method, args) -> {
            Method target = MarketplaceMeteringAsyncClient.class.getMethod(method.getName(), method.getParameterTypes());
            Object result;
            try {
                result = target.invoke(async, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (!(result instanceof CompletableFuture)) {
                return result;
            }
            try {
                return ((CompletableFuture<?>) result).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        };
        return (MarketplaceMeteringClient) Proxy.newProxyInstance(MarketplaceMeteringClient.class.getClassLoader(),
            new Class<?>[] {MarketplaceMeteringClient.class}, handler);
    }
}
