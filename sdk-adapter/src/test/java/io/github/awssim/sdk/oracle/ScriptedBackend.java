package io.github.awssim.sdk.oracle;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A backend for any service: a {@link Proxy} of the service's sync client interface that records each
 * request it receives (with the method it came through) and answers from a script the test sets before
 * each call: a response to return or an exception to throw.
 */
public final class ScriptedBackend implements InvocationHandler {
    private final Class<? extends SdkClient> clientInterface;
    private final List<Received> received = new ArrayList<>();
    private Function<SdkRequest, Object> answer = r -> {
        throw new AssertionError("no answer scripted for " + r.getClass().getSimpleName());
    };

    private ScriptedBackend(Class<? extends SdkClient> clientInterface) {
        this.clientInterface = clientInterface;
    }

    /** A backend and its proxy, ready to {@code sim.register(iface, proxy)}. */
    public static ScriptedBackend of(Class<? extends SdkClient> clientInterface) {
        return new ScriptedBackend(clientInterface);
    }

    public <T extends SdkClient> T proxy(Class<T> iface) {
        if (iface != clientInterface) {
            throw new IllegalArgumentException(iface + " is not " + clientInterface);
        }
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, this));
    }

    /** The next calls return {@code answer.apply(request)} (or throw what it throws). */
    public synchronized void answer(Function<SdkRequest, Object> next) {
        this.answer = next;
        received.clear();
    }

    /** What the backend received since the last {@link #answer}. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "ScriptedBackend[" + clientInterface.getSimpleName() + "]";
            }
        }
        if (args != null && args.length == 1 && args[0] instanceof SdkRequest) {
            Function<SdkRequest, Object> a;
            synchronized (this) {
                received.add(new Received(method.getName(), (SdkRequest) args[0]));
                a = answer;
            }
            return a.apply((SdkRequest) args[0]);
        }
        switch (method.getName()) {
            case "serviceName":
                return clientInterface.getSimpleName();
            case "close":
                return null;
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }

    /** One request the backend received, with the client-interface method it arrived through. */
    public record Received(String method, SdkRequest request) {
    }
}
