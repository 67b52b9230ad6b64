package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * Misuse is an {@link ExtensionConfigurationException} naming the attribute, parameter or field and
 * showing a correct example; these are the texts users read.
 */
class MisuseEngineTest {

    private static Throwable failureOf(Class<?> fixture) {
        return EngineRun.onlyFailure(EngineRun.sequential().run(fixture));
    }

    @Test
    void aStartTimeThatDoesNotParse() {
        assertThat(failureOf(BadStartTime.class)).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: @SimulatedAws on class io.github.awssim.junit.MisuseEngineTest$BadStartTime has startTime = "
                + "\"2026-06-01 09:05\", which is not an ISO-8601 instant. Write it in UTC with a Z, e.g. "
                + "@SimulatedAws(startTime = \"2026-06-01T09:05:00Z\").");
    }

    @Fixture
    @SimulatedAws(startTime = "2026-06-01 09:05")
    static class BadStartTime {
        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void anAccountIdThatIsNotTwelveDigits() {
        assertThat(failureOf(BadAccount.class)).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: @SimulatedAws on method BadAccount.test(Simulation) has accountId = \"1234-5678-9012\", but an AWS "
                + "account id is 12 digits, e.g. @SimulatedAws(accountId = \"111122223333\").");
    }

    @Fixture
    static class BadAccount {
        @Test
        @SimulatedAws(accountId = "1234-5678-9012")
        void test(Simulation sim) {
        }
    }

    @Test
    void aRegionThatIsNotARegionId() {
        assertThat(failureOf(BadRegion.class)).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: @SimulatedAws on class io.github.awssim.junit.MisuseEngineTest$BadRegion has region = \"EU_WEST_1\", "
                + "which is not an AWS region id. Write the id the SDK uses, in lower case, e.g. "
                + "@SimulatedAws(region = \"eu-west-1\").");
    }

    @Fixture
    @SimulatedAws(region = "EU_WEST_1")
    static class BadRegion {
        @Test
        void test() {
        }
    }

    @Test
    void classScopeOnAMethod() {
        assertThat(failureOf(ClassScopeOnMethod.class)).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: @SimulatedAws(scope = CLASS) on method ClassScopeOnMethod.test(): a method's annotation gives that "
                + "test a simulation of its own. Put @SimulatedAws(scope = SimulatedAws.Scope.CLASS) on the class to share "
                + "one between its tests.");
    }

    @Fixture
    static class ClassScopeOnMethod {
        @Test
        @SimulatedAws(scope = SimulatedAws.Scope.CLASS)
        void test() {
        }
    }

    @Test
    void aParameterThatIsNoClientInterface() {
        Throwable failure = failureOf(NotAClientInterface.class);

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
            .hasMessageStartingWith("Failed to resolve parameter [software.amazon.awssdk.core.SdkClient client]");
        assertThat(failure.getCause()).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: cannot inject parameter [SdkClient client] of NotAClientInterface.test(SdkClient): @SimulatedAws "
                + "injects clients by their service's interface, sync or async, and software.amazon.awssdk.core.SdkClient "
                + "is not one. Ask for the interface the SDK generates, e.g. MarketplaceMeteringClient metering or "
                + "S3AsyncClient s3.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class NotAClientInterface {
        @Test
        void test(SdkClient client) {
        }
    }

    @Test
    void aSpiedBackendOfTheAsyncInterface() {
        assertThat(failureOf(SpiedAsync.class).getCause()).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: cannot inject parameter [MarketplaceMeteringAsyncClient backend] of "
                + "SpiedAsync.test(MarketplaceMeteringAsyncClient): a backend is the service's sync client interface (it "
                + "answers the async client's calls too), so spy MarketplaceMeteringClient instead: @SpiedBackend "
                + "MarketplaceMeteringClient backend.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class SpiedAsync {
        @Test
        void test(@SpiedBackend MarketplaceMeteringAsyncClient backend) {
        }
    }

    @Test
    void aSpiedBackendOfSomethingElse() {
        assertThat(failureOf(SpiedString.class).getCause()).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: cannot inject parameter [String backend] of SpiedString.test(String): @SpiedBackend spies a service's "
                + "backend, which is the service's sync client interface, and java.lang.String is not one. Write e.g. "
                + "@SpiedBackend MarketplaceMeteringClient backend.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class SpiedString {
        @Test
        void test(@SpiedBackend String backend) {
        }
    }

    @Test
    void aSpiedBackendOfAServiceWithoutOne() {
        assertThat(failureOf(SpiedUnsimulated.class).getCause()).isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith("awssim: cannot inject parameter [DynamoDbClient backend] of "
                + "SpiedUnsimulated.test(DynamoDbClient): awssim: no backend for "
                + "software.amazon.awssdk.services.dynamodb.DynamoDbClient.")
            .hasMessageEndingWith("register one for any other service with sim.register(DynamoDbClient.class, impl).");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class SpiedUnsimulated {
        @Test
        void test(@SpiedBackend DynamoDbClient backend) {
        }
    }

    @Test
    void aSimulationForTheWholeClassWhenEachTestHasItsOwn() {
        assertThat(failureOf(SimulationInBeforeAll.class).getCause()).isInstanceOf(ExtensionConfigurationException.class)
            .hasMessage("awssim: cannot inject parameter [Simulation sim] of SimulationInBeforeAll.setUp(Simulation): it runs "
                + "once for io.github.awssim.junit.MisuseEngineTest$SimulationInBeforeAll, but @SimulatedAws gives each test "
                + "its own simulation (scope = TEST), so there is none for the class. Share one between the tests with "
                + "@SimulatedAws(scope = SimulatedAws.Scope.CLASS), or take the parameter in a @BeforeEach or test method.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class SimulationInBeforeAll {
        @BeforeAll
        static void setUp(Simulation sim) {
        }

        @Test
        void test() {
        }
    }

    @Test
    void theAnnotationAndTheBuilderOnOneClass() {
        assertThat(failureOf(Both.class)).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: io.github.awssim.junit.MisuseEngineTest$Both declares its simulation twice (@SimulatedAws and field "
                + "aws). Keep one: @SimulatedAws(...), or one @RegisterExtension static SimulatedAwsExtension aws = "
                + "SimulatedAwsExtension.builder()...build(), which has every attribute of the annotation.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Both {
        @RegisterExtension
        static final SimulatedAwsExtension aws = SimulatedAwsExtension.builder().zeroCodeSwap(false).build();

        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void storesThatWouldNotBeClosed() {
        Throwable failure = EngineRun.onlyFailure(EngineRun.sequential()
            .with("junit.jupiter.extensions.store.close.autocloseable.enabled", "false").run(Fresh.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: this run sets junit.jupiter.extensions.store.close.autocloseable.enabled=false, so JUnit would not "
                + "close the simulations and clients @SimulatedAws keeps in its ExtensionContext.Store. Remove that "
                + "configuration parameter (it is true by default) to use @SimulatedAws.");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class Fresh {
        @Test
        void test(Simulation sim) {
        }
    }

    @Test
    void mockitoAnnotatedParametersAreLeftToMockito() {
        // Without MockitoExtension nobody resolves @Mock parameters: JUnit's own message, not awssim's.
        assertThat(failureOf(MockParameter.class)).isInstanceOf(ParameterResolutionException.class)
            .hasMessageStartingWith("No ParameterResolver registered for parameter "
                + "[software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient mock]");
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class MockParameter {
        @Test
        void test(@org.mockito.Mock MarketplaceMeteringClient mock) {
        }
    }

    @Test
    void builderMisuseFailsWhereTheBuilderIsCalled() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedAwsExtension.builder().accountId("12345"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("awssim: SimulatedAwsExtension.builder() has accountId = \"12345\", but an AWS account id is 12 "
                + "digits, e.g. .accountId(\"111122223333\").");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedAwsExtension.builder().startTime(null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("awssim: SimulatedAwsExtension.builder().startTime(null): leave it out for the default.");
    }

    @Test
    void aNestedClassInheritsItsEnclosingClassesDeclarationAndItsMistakes() {
        assertThat(EngineRun.failures(EngineRun.sequential().run(NestedInBadRegion.class)))
            .hasSize(1).allMatch(f -> f.contains("has region = \"mars-1\""));
    }

    @Fixture
    @SimulatedAws(region = "mars-1")
    static class NestedInBadRegion {
        @Nested
        class Inner {
            @Test
            void test(Simulation sim) {
            }
        }
    }
}
