package io.github.awssim.core.services.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Simulation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.model.CustomerNotEntitledException;
import software.amazon.awssdk.services.marketplacemetering.model.DisabledApiException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidProductCodeException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidPublicKeyVersionException;
import software.amazon.awssdk.services.marketplacemetering.model.InvalidRegionException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.PlatformNotSupportedException;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;

/** RegisterUsage's rules, called directly on the simulator. */
class RegisterUsageTest {
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    final Simulation sim = Simulation.builder().startTime(NOW).build();
    final MeteringSimulator metering = sim.metering();

    @AfterEach
    void close() {
        sim.close();
    }

    RegisterUsageResponse register(int version) {
        return metering.registerUsage(RegisterUsageRequest.builder().productCode("cont-1").publicKeyVersion(version)
            .nonce("n-42").build());
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    @Test
    void signatureIsAJwtWithTheDocumentedClaims() throws Exception {
        metering.callerIdentity(CallerIdentity.builder().id("task-1").platform(CallerIdentity.Platform.ECS).build());

        RegisterUsageResponse r = register(1);

        String[] parts = r.signature().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"PS256\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1])).isEqualTo("{\"productCode\":\"cont-1\",\"publicKeyVersion\":1,\"nonce\":\"n-42\","
            + "\"issuedAt\":\"2026-03-01T08:00:00Z\",\"customerAccountId\":\"123456789012\",\"callerIdentity\":\"task-1\"}");
        byte[] digest = MessageDigest.getInstance("SHA-256")
            .digest((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(digest);
        assertThat(r.publicKeyRotationTimestamp()).isNull();
    }

    @Test
    void nonceIsLeftOutWhenNotSent() {
        RegisterUsageResponse r = metering.registerUsage(RegisterUsageRequest.builder().productCode("cont-1")
            .publicKeyVersion(1).build());
        assertThat(decode(r.signature().split("\\.")[1])).doesNotContain("nonce");
    }

    @Test
    void rotationTimestampOnlyForASupersededKeyVersion() {
        InvalidPublicKeyVersionException e = catchThrowableOfType(InvalidPublicKeyVersionException.class, () -> register(2));
        assertThat(e.getMessage()).isEqualTo("RegisterUsage: PublicKeyVersion 2 is not a valid public key version; "
            + "versions 1 to 1 exist (1 is current).");

        sim.clock().advance(Duration.ofDays(30));
        assertThat(metering.rotatePublicKey()).isEqualTo(2);
        sim.clock().advance(Duration.ofDays(1));

        assertThat(register(2).publicKeyRotationTimestamp()).isNull();
        assertThat(register(1).publicKeyRotationTimestamp()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(catchThrowableOfType(InvalidPublicKeyVersionException.class, () -> register(3))).isNotNull();
    }

    @Test
    void versionZeroIsAValidationError() {
        MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class, () -> register(0));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    @ParameterizedTest
    @EnumSource(value = CallerIdentity.Platform.class, names = {"EC2", "OTHER"})
    void onlyContainerPlatformsRegister(CallerIdentity.Platform platform) {
        metering.callerIdentity(CallerIdentity.builder().id("i-9").platform(platform).build());

        PlatformNotSupportedException e = catchThrowableOfType(PlatformNotSupportedException.class, () -> register(1));

        assertThat(e.getMessage()).isEqualTo("RegisterUsage: caller i-9 runs on " + platform
            + "; RegisterUsage is supported only on Amazon ECS, Amazon EKS and AWS Fargate.");
    }

    @ParameterizedTest
    @EnumSource(value = CallerIdentity.Platform.class, names = {"UNSPECIFIED", "ECS", "EKS", "FARGATE"})
    void containerPlatformsRegister(CallerIdentity.Platform platform) {
        metering.callerIdentity(CallerIdentity.builder().id("t-9").platform(platform).build());
        assertThat(register(1).signature()).isNotBlank();
    }

    @Test
    void entitlementIsCheckedOnTheFirstCallOfATaskOnly() {
        metering.registerProduct("cont-1").subscribe("cont-1", "cust-1", sim.accountId());
        metering.callerIdentity(CallerIdentity.of("task-1"));
        register(1);

        metering.unsubscribe("cont-1", "cust-1");
        // The registered task keeps working after the unsubscribe...
        assertThat(register(1).signature()).isNotBlank();
        // ...a new task is refused.
        metering.callerIdentity(CallerIdentity.of("task-2"));
        CustomerNotEntitledException e = catchThrowableOfType(CustomerNotEntitledException.class, () -> register(1));
        assertThat(e.getMessage()).startsWith("RegisterUsage: customer account 123456789012 has no active subscription "
            + "to product cont-1 (caller task-2).");
    }

    @Test
    void platformIsCheckedOnTheFirstCallOnly() {
        metering.callerIdentity(CallerIdentity.of("task-1"));
        register(1);
        metering.callerIdentity(CallerIdentity.builder().id("task-1").platform(CallerIdentity.Platform.EC2).build());
        assertThat(register(1).signature()).isNotBlank();
    }

    @Test
    void aFailedFirstCallIsNotARegistration() {
        metering.registerProduct("cont-1");
        metering.callerIdentity(CallerIdentity.of("task-1"));
        assertThat(catchThrowableOfType(CustomerNotEntitledException.class, () -> register(1))).isNotNull();
        metering.subscribe("cont-1", "cust-1", sim.accountId()).unsubscribe("cont-1", "cust-1");
        assertThat(catchThrowableOfType(CustomerNotEntitledException.class, () -> register(1))).isNotNull();
    }

    @Test
    void mustBeCalledInTheLaunchRegion() {
        metering.callerIdentity(CallerIdentity.builder().id("task-1").launchRegion(Region.EU_WEST_1).build());

        InvalidRegionException e = catchThrowableOfType(InvalidRegionException.class, () -> register(1));

        assertThat(e.getMessage()).isEqualTo("RegisterUsage: called in region us-east-1, but caller task-1 was launched "
            + "in region eu-west-1; RegisterUsage must be called in the region the task or pod was launched in.");
        assertThat(metering.in(sim.accountId(), Region.EU_WEST_1)
            .callerIdentity(CallerIdentity.builder().id("task-1").launchRegion(Region.EU_WEST_1).build())
            .registerUsage(RegisterUsageRequest.builder().productCode("cont-1").publicKeyVersion(1).build())
            .signature()).isNotBlank();
    }

    @Test
    void unknownProductInStrictMode() {
        metering.registerProduct("other");
        assertThat(catchThrowableOfType(InvalidProductCodeException.class, () -> register(1)).getMessage())
            .startsWith("RegisterUsage: ProductCode 'cont-1' is not a product of this seller.");
    }

    @Test
    void disabledApiAndUnauthorizedCaller() {
        metering.disableApi(MeteringOperation.REGISTER_USAGE);
        assertThat(catchThrowableOfType(DisabledApiException.class, () -> register(1)).getMessage())
            .isEqualTo("The RegisterUsage API is disabled in the Region us-east-1.");
        metering.enableApi(MeteringOperation.REGISTER_USAGE);

        metering.callerIdentity(CallerIdentity.builder().id("task-1").authorized(false).build());
        MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class, () -> register(1));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not authorized to perform: aws-marketplace:RegisterUsage");
    }
}
