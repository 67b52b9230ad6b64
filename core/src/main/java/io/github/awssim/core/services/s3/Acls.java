package io.github.awssim.core.services.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Access control lists as values: what a canned ACL ({@code x-amz-acl}), grant headers ({@code x-amz-grant-*})
 * or an {@code AccessControlPolicy} body amount to, and whether an ACL is public. Every ACL is owned by the
 * bucket's account: a client reaches only buckets of its own account, so the writer of an object is always
 * its bucket's owner, whatever the bucket's Object Ownership.
 */
final class Acls {
    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    static final String BUCKET_OWNER_FULL_CONTROL = "bucket-owner-full-control";
    private static final List<String> GROUPS = List.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);
    /** A canonical user id: 64 hex characters, the shape of the ids awssim gives accounts. */
    private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-f]{64}");

    private Acls() {
    }

    /**
     * The ACL headers of a request: a canned ACL or grants, each a comma-separated list of
     * {@code id="…"}, {@code uri="…"} or {@code emailAddress="…"}. Objects have no {@code write} grant.
     */
    record Headers(String canned, String fullControl, String read, String readAcp, String write, String writeAcp) {
        boolean hasGrants() {
            return fullControl != null || read != null || readAcp != null || write != null || writeAcp != null;
        }

        boolean isEmpty() {
            return canned == null && !hasGrants();
        }
    }

    /** One per owner (an account's canonical id): every object version written without an ACL keeps this one. */
    private static final Map<String, List<Grant>> PRIVATE = new ConcurrentHashMap<>();

    /** The default ACL of every bucket and object: the owner has FULL_CONTROL. Immutable, shared. */
    static List<Grant> privateAcl(String ownerId) {
        return PRIVATE.computeIfAbsent(ownerId, id -> List.of(user(id, Permission.FULL_CONTROL)));
    }

    /**
     * The ACL the headers ask for, or null when they ask for none. A canned ACL and grants together are
     * {@code InvalidRequest}, as S3 answers.
     */
    static List<Grant> requested(String operation, Headers h, String ownerId, boolean bucket) {
        if (h.isEmpty()) {
            return null;
        }
        if (h.canned() != null && h.hasGrants()) {
            throw S3Errors.error("InvalidRequest", AccessMessages.cannedAndGrants(operation));
        }
        if (h.canned() != null) {
            return canned(operation, h.canned(), ownerId, bucket);
        }
        List<Grant> grants = new ArrayList<>();
        addGrants(operation, grants, "x-amz-grant-full-control", h.fullControl(), Permission.FULL_CONTROL);
        addGrants(operation, grants, "x-amz-grant-read", h.read(), Permission.READ);
        addGrants(operation, grants, "x-amz-grant-read-acp", h.readAcp(), Permission.READ_ACP);
        addGrants(operation, grants, "x-amz-grant-write", h.write(), Permission.WRITE);
        addGrants(operation, grants, "x-amz-grant-write-acp", h.writeAcp(), Permission.WRITE_ACP);
        return List.copyOf(grants);
    }

    /**
     * A canned ACL's grants, from S3's table of canned ACLs. The writer is the bucket owner here, so
     * {@code bucket-owner-read} and {@code bucket-owner-full-control} leave the owner's FULL_CONTROL alone; the
     * EC2 grantee of {@code aws-exec-read} is not modeled.
     */
    static List<Grant> canned(String operation, String canned, String ownerId, boolean bucket) {
        List<Grant> grants = new ArrayList<>(privateAcl(ownerId));
        switch (canned) {
            case "private", "aws-exec-read" -> {
            }
            case "public-read" -> grants.add(group(ALL_USERS, Permission.READ));
            case "public-read-write" -> {
                grants.add(group(ALL_USERS, Permission.READ));
                grants.add(group(ALL_USERS, Permission.WRITE));
            }
            case "authenticated-read" -> grants.add(group(AUTHENTICATED_USERS, Permission.READ));
            case "bucket-owner-read", BUCKET_OWNER_FULL_CONTROL -> {
                if (bucket) {
                    throw S3Errors.error("InvalidArgument", AccessMessages.badCannedAcl(operation, canned, true));
                }
            }
            case "log-delivery-write" -> {
                if (!bucket) {
                    throw S3Errors.error("InvalidArgument", AccessMessages.badCannedAcl(operation, canned, false));
                }
                grants.add(group(LOG_DELIVERY, Permission.WRITE));
                grants.add(group(LOG_DELIVERY, Permission.READ_ACP));
            }
            default -> throw S3Errors.error("InvalidArgument", AccessMessages.badCannedAcl(operation, canned, bucket));
        }
        return List.copyOf(grants);
    }

    private static void addGrants(String operation, List<Grant> out, String header, String value, Permission permission) {
        if (value == null) {
            return;
        }
        for (String item : value.split(",")) {
            String grantee = item.trim();
            int eq = grantee.indexOf('=');
            if (eq < 0) {
                throw S3Errors.error("InvalidArgument", AccessMessages.badGrantHeader(operation, header, value));
            }
            String kind = grantee.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String id = unquote(grantee.substring(eq + 1).trim());
            switch (kind) {
                case "id" -> out.add(user(checkedId(operation, id), permission));
                case "uri" -> out.add(group(checkedGroup(operation, id), permission));
                case "emailaddress" -> throw unresolvableEmail(operation, id);
                default -> throw S3Errors.error("InvalidArgument", AccessMessages.badGrantHeader(operation, header, value));
            }
        }
    }

    /** The grants of an {@code AccessControlPolicy} body, checked as S3 checks them. */
    static List<Grant> fromBody(String operation, AccessControlPolicy policy) {
        List<Grant> grants = new ArrayList<>();
        for (Grant g : policy.hasGrants() ? policy.grants() : List.<Grant>of()) {
            Grantee grantee = g.grantee();
            if (grantee == null || g.permission() == null || g.permission() == Permission.UNKNOWN_TO_SDK_VERSION
                || grantee.type() == null || grantee.type() == Type.UNKNOWN_TO_SDK_VERSION) {
                throw S3Errors.error("MalformedACLError", AccessMessages.malformedAcl(operation));
            }
            switch (grantee.type()) {
                case CANONICAL_USER -> grants.add(user(checkedId(operation, grantee.id()), g.permission()));
                case GROUP -> grants.add(group(checkedGroup(operation, grantee.uri()), g.permission()));
                default -> throw unresolvableEmail(operation, grantee.emailAddress());
            }
        }
        return List.copyOf(grants);
    }

    /** S3's meaning of a public ACL: it grants anything to AllUsers or AuthenticatedUsers. */
    static boolean isPublic(List<Grant> grants) {
        return grants != null && grants.stream().map(Grant::grantee)
            .anyMatch(g -> g.type() == Type.GROUP && (ALL_USERS.equals(g.uri()) || AUTHENTICATED_USERS.equals(g.uri())));
    }

    /** Whether an ACL gives FULL_CONTROL to the owner and nothing to anybody else: all ACLs-disabled buckets accept. */
    static boolean ownerFullControlOnly(List<Grant> grants, String ownerId) {
        return grants.equals(privateAcl(ownerId));
    }

    private static String checkedId(String operation, String id) {
        if (id == null || !CANONICAL_ID.matcher(id).matches()) {
            throw S3Errors.error("InvalidArgument", AccessMessages.badCanonicalId(operation, id));
        }
        return id;
    }

    private static String checkedGroup(String operation, String uri) {
        if (!GROUPS.contains(uri)) {
            throw S3Errors.error("InvalidArgument", AccessMessages.badGroupUri(operation, uri, GROUPS));
        }
        return uri;
    }

    private static RuntimeException unresolvableEmail(String operation, String email) {
        return S3Errors.error("UnresolvableGrantByEmailAddress", AccessMessages.unresolvableEmail(operation, email));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static Grant user(String id, Permission permission) {
        return Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(id).build()).permission(permission)
            .build();
    }

    static Grant group(String uri, Permission permission) {
        return Grant.builder().grantee(Grantee.builder().type(Type.GROUP).uri(uri).build()).permission(permission).build();
    }
}
