package io.github.awssim.junit.internal;

import io.github.awssim.sdk.GlobalSimulation;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every user-facing message of awssim-junit5, in one place. Each says what is wrong and where (the
 * attribute, parameter or field, and its class or method), then shows a correct example.
 */
public final class Messages {
    private Messages() {
    }

    // ---- @SimulatedAws attributes and the builder ----

    public static String badStartTime(String value, String where) {
        return "awssim: " + where + " has startTime = \"" + value + "\", which is not an ISO-8601 instant. Write it in UTC "
            + "with a Z, e.g. @SimulatedAws(startTime = \"2026-06-01T09:05:00Z\").";
    }

    public static String badAccountId(String value, String where) {
        return "awssim: " + where + " has accountId = \"" + value + "\", but an AWS account id is 12 digits, e.g. "
            + example(where, "accountId", "\"111122223333\"") + ".";
    }

    public static String badRegion(String value, String where) {
        return "awssim: " + where + " has region = \"" + value + "\", which is not an AWS region id. Write the id the SDK "
            + "uses, in lower case, e.g. " + example(where, "region", "\"eu-west-1\"") + ".";
    }

    private static String example(String where, String attribute, String value) {
        return where.startsWith("@") ? "@SimulatedAws(" + attribute + " = " + value + ")"
            : "." + attribute + "(" + ("region".equals(attribute) ? "Region.of(" + value + ")" : value) + ")";
    }

    public static String classScopeOnMethod(Method method) {
        return "awssim: @SimulatedAws(scope = CLASS) on method " + describe(method) + ": a method's annotation gives that "
            + "test a simulation of its own. Put @SimulatedAws(scope = SimulatedAws.Scope.CLASS) on the class to share "
            + "one between its tests.";
    }

    public static String builderNull(String what) {
        return "awssim: SimulatedAwsExtension.builder()." + what + "(null): leave it out for the default.";
    }

    // ---- where @SimulatedAws is declared ----

    public static String conflictingDeclarations(Class<?> testClass, String first, String second) {
        return "awssim: " + testClass.getName() + " declares its simulation twice (" + first + " and " + second
            + "). Keep one: @SimulatedAws(...), or one @RegisterExtension static SimulatedAwsExtension aws = "
            + "SimulatedAwsExtension.builder()...build(), which has every attribute of the annotation.";
    }

    public static String closingDisabled(String property) {
        return "awssim: this run sets " + property + "=false, so JUnit would not close the simulations and clients "
            + "@SimulatedAws keeps in its ExtensionContext.Store. Remove that configuration parameter (it is true by "
            + "default) to use @SimulatedAws.";
    }

    // ---- parameters ----

    public static String notAClientInterface(Parameter parameter, Class<?> type) {
        return "awssim: cannot inject " + describe(parameter) + ": @SimulatedAws injects clients by their service's "
            + "interface, sync or async, and " + type.getName() + " is not one. Ask for the interface the SDK generates, "
            + "e.g. MarketplaceMeteringClient metering or S3AsyncClient s3.";
    }

    public static String spiedNotABackend(Parameter parameter, Class<?> type) {
        return "awssim: cannot inject " + describe(parameter) + ": @SpiedBackend spies a service's backend, which is the "
            + "service's sync client interface, and " + type.getName() + " is not one. Write e.g. "
            + "@SpiedBackend MarketplaceMeteringClient backend.";
    }

    public static String spiedAsync(Parameter parameter, Class<?> type) {
        String sync = type.getSimpleName().replace("AsyncClient", "Client");
        return "awssim: cannot inject " + describe(parameter) + ": a backend is the service's sync client interface "
            + "(it answers the async client's calls too), so spy " + sync + " instead: @SpiedBackend " + sync + " backend.";
    }

    public static String spiedUnavailable(Parameter parameter, String reason) {
        return "awssim: cannot inject " + describe(parameter) + ": " + reason;
    }

    public static String mockitoMissing(Parameter parameter) {
        return "awssim: cannot inject " + describe(parameter) + ": @SpiedBackend makes a Mockito spy, and Mockito is not on "
            + "the test class path. Add the test dependency org.mockito:mockito-core (5.x), or register a backend of your "
            + "own with sim.register(MarketplaceMeteringClient.class, backend).";
    }

    public static String noSimulationOutsideATest(Parameter parameter, Class<?> testClass) {
        return "awssim: cannot inject " + describe(parameter) + ": it runs once for " + testClass.getName() + ", but "
            + "@SimulatedAws gives each test its own simulation (scope = TEST), so there is none for the class. Share one "
            + "between the tests with @SimulatedAws(scope = SimulatedAws.Scope.CLASS), or take the parameter in a "
            + "@BeforeEach or test method.";
    }

    // ---- customizers ----

    public static String customizerFailed(Annotation annotation, AnnotatedElement where, Throwable cause) {
        return "awssim: " + describe(annotation) + " on " + describe(where) + " could not be applied: " + cause.getMessage();
    }

    public static String customizerWithoutSimulation(Annotation annotation, AnnotatedElement where) {
        return "awssim: " + describe(annotation) + " on " + describe(where) + " has no simulation to customize: the test "
            + "has no @SimulatedAws (on its method, its class or an enclosing class) and no registered "
            + "SimulatedAwsExtension. Add @SimulatedAws.";
    }

    public static String customizerOnLifecycleMethod(Annotation annotation, AnnotatedElement where) {
        return "awssim: " + describe(annotation) + " on " + describe(where) + " is never read: customizing annotations "
            + "apply on a test class or test method. Move it there.";
    }

    public static String simulationNotBuilt(String source, Throwable cause) {
        return "awssim: the simulation the " + source + " configures could not be built (a configure(...) step or a "
            + "setting refused its value): " + cause.getMessage();
    }

    public static String programmaticCustomizerFailed(String source, Throwable cause) {
        return "awssim: a customize(...) step of the " + source + " failed: " + cause;
    }

    public static String customizerNotInstantiable(Class<?> customizer, Class<? extends Annotation> annotationType,
                                                   Throwable cause) {
        return "awssim: cannot create " + customizer.getName() + ", the SimulationCustomizer of @"
            + annotationType.getSimpleName() + ": it needs a no-argument constructor (" + cause + ").";
    }

    public static String customizerOnSharedSimulation(Annotation annotation, AnnotatedElement where, Class<?> owner) {
        return "awssim: " + describe(annotation) + " on " + describe(where) + " would change the simulation that the tests of "
            + owner.getName() + " share (@SimulatedAws(scope = CLASS) on " + owner.getSimpleName() + "), so it would leak "
            + "into the other tests. Put it on " + owner.getSimpleName() + ", or give this test a simulation of its own "
            + "with @SimulatedAws on it.";
    }

    // ---- the zero-code swap ----

    public static String sdkChoseAnotherHttpClient(String kind, String clientName, String testName) {
        return "awssim: cannot switch on the zero-code swap for " + testName + ": the AWS SDK already chose its default "
            + kind + " HTTP client (" + clientName + ") in this JVM, and it decides once per JVM, when the first client "
            + "without an explicit .httpClient(...) is built. Clients that code under test builds itself would reach real "
            + "AWS. Either start the test JVM with the swap's system properties, so no test can come first, e.g. in "
            + "maven-surefire-plugin's <systemPropertyVariables>: <" + GlobalSimulation.SYNC_PROPERTY
            + ">io.github.awssim.sdk.SimulatedHttpService</" + GlobalSimulation.SYNC_PROPERTY + "> and <"
            + GlobalSimulation.ASYNC_PROPERTY + ">io.github.awssim.sdk.SimulatedAsyncHttpService</"
            + GlobalSimulation.ASYNC_PROPERTY + ">; or, if this test only uses injected clients, "
            + "@SimulatedAws(zeroCodeSwap = false).";
    }

    public static String missingLock(String declaration, String testName) {
        return "awssim: " + testName + " sets system properties for the zero-code swap (" + declaration + "), and this run "
            + "executes tests in parallel, but nothing declares that: another test could see them change. Add "
            + "@ResourceLock(Resources.SYSTEM_PROPERTIES) to the test class, or build the extension with "
            + ".zeroCodeSwap(false) if only injected clients are used. (@SimulatedAws declares the lock by itself.)";
    }

    public static String seedHint(long seed) {
        return "awssim: this test's simulation had the random seed " + seed + "; replay it with @SimulatedAws(seed = "
            + seed + "L) or SimulatedAwsExtension.builder().seed(" + seed + "L).";
    }

    // ---- helpers ----

    /** "parameter [MarketplaceMeteringClient metering] of AgentTest.meters(MarketplaceMeteringClient)". */
    public static String describe(Parameter parameter) {
        return "parameter [" + parameter.getType().getSimpleName() + " " + parameter.getName() + "] of "
            + describe(parameter.getDeclaringExecutable());
    }

    public static String describe(Executable executable) {
        String params = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        String owner = executable.getDeclaringClass().getSimpleName();
        if (executable instanceof Constructor) {
            return "the constructor " + owner + "(" + params + ")";
        }
        return owner + "." + executable.getName() + "(" + params + ")";
    }

    /** "@ThrottleNext(2)": the annotation as written, without its package. */
    public static String describe(Annotation annotation) {
        String full = annotation.toString();
        int arguments = full.indexOf('(');
        return "@" + annotation.annotationType().getSimpleName() + (arguments < 0 ? "" : full.substring(arguments));
    }

    public static String describe(AnnotatedElement element) {
        if (element instanceof Class) {
            return "class " + ((Class<?>) element).getName();
        }
        if (element instanceof Method) {
            return "method " + describe((Executable) element);
        }
        if (element instanceof Field) {
            Field f = (Field) element;
            return "field " + f.getDeclaringClass().getSimpleName() + "." + f.getName();
        }
        return String.valueOf(element);
    }
}
