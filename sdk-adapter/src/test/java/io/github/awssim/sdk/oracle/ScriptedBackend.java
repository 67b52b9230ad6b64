package io.github.awssim.sdk.oracle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;

/**
 * A backend for any service: a {@link Proxy} of the service's sync client interface that records each
 * request it receives (with the method it came through, and the body of a streaming request) and answers
 * from a script the test sets before each call: a response to return, a {@link StreamingAnswer} for a
 * streaming-output operation, or an exception to throw.
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
                received.add(new Received(method.getName(), (SdkRequest) args[0], null));
                a = answer;
            }
            return a.apply((SdkRequest) args[0]);
        }
        if (args != null && args.length == 2 && args[0] instanceof SdkRequest && args[1] instanceof RequestBody) {
            byte[] body;
            try (InputStream in = ((RequestBody) args[1]).contentStreamProvider().newStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Function<SdkRequest, Object> a;
            synchronized (this) {
                received.add(new Received(method.getName(), (SdkRequest) args[0], body));
                a = answer;
            }
            return a.apply((SdkRequest) args[0]);
        }
        if (args != null && args.length == 2 && args[0] instanceof SdkRequest && args[1] instanceof ResponseTransformer) {
            Function<SdkRequest, Object> a;
            synchronized (this) {
                received.add(new Received(method.getName(), (SdkRequest) args[0], null));
                a = answer;
            }
            Object answered = a.apply((SdkRequest) args[0]);
            StreamingAnswer s = (StreamingAnswer) answered;
            try {
                @SuppressWarnings("unchecked")
                ResponseTransformer<SdkResponse, Object> t = (ResponseTransformer<SdkResponse, Object>) args[1];
                return t.transform(s.response(), AbortableInputStream.create(new ByteArrayInputStream(s.body())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
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

    /** One request the backend received, with the client-interface method it arrived through, and its streamed body. */
    public record Received(String method, SdkRequest request, byte[] body) {
    }

    /** What a script answers a streaming-output operation (GetObject) with: the response and its body. */
    public record StreamingAnswer(SdkResponse response, byte[] body) {
    }
}
