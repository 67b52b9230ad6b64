package io.github.awssim.core.services.pricingcalculator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.TagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.TagResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UntagResourceRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UntagResourceResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdatePreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.UpdatePreferencesResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/** Rate preferences and tags. Called with the partition's lock held. */
final class AccountRules {
    /** {@code arn:aws:bcm-pricing-calculator::<account>:<type>/<id>}: the service is global, its ARNs name no region. */
    static final Pattern ARN = Pattern.compile(
        "arn:(aws[-a-z0-9]*):bcm-pricing-calculator:([-a-z0-9]*):([0-9]{12}):(bill-scenario|bill-estimate|workload-estimate)/(.+)");

    private AccountRules() {
    }

    // ---- preferences -------------------------------------------------------------------------

    static GetPreferencesResponse getPreferences(Partition p, Call c, GetPreferencesRequest r) {
        return GetPreferencesResponse.builder().managementAccountRateTypeSelectionsWithStrings(p.managementRateTypes)
            .memberAccountRateTypeSelectionsWithStrings(p.memberRateTypes)
            .standaloneAccountRateTypeSelectionsWithStrings(p.standaloneRateTypes).build();
    }

    static UpdatePreferencesResponse updatePreferences(Partition p, Call c, UpdatePreferencesRequest r) {
        if (p.accountType == AccountType.MEMBER) {
            throw Errors.invalid(ValidationExceptionReason.INVALID_REQUEST_FROM_MEMBER, "accountType",
                PricingCalculatorMessages.preferencesFromMember(c.operation(), c.accountId()));
        }
        if (!r.hasManagementAccountRateTypeSelections() && !r.hasMemberAccountRateTypeSelections()
            && !r.hasStandaloneAccountRateTypeSelections()) {
            throw Errors.invalid("standaloneAccountRateTypeSelections", PricingCalculatorMessages.noPreferences(c.operation()));
        }
        requireDistinct(c, "managementAccountRateTypeSelections", r.managementAccountRateTypeSelectionsAsStrings());
        requireDistinct(c, "memberAccountRateTypeSelections", r.memberAccountRateTypeSelectionsAsStrings());
        requireDistinct(c, "standaloneAccountRateTypeSelections", r.standaloneAccountRateTypeSelectionsAsStrings());
        if (r.hasManagementAccountRateTypeSelections()) {
            p.managementRateTypes = List.copyOf(r.managementAccountRateTypeSelectionsAsStrings());
        }
        if (r.hasMemberAccountRateTypeSelections()) {
            p.memberRateTypes = List.copyOf(r.memberAccountRateTypeSelectionsAsStrings());
        }
        if (r.hasStandaloneAccountRateTypeSelections()) {
            p.standaloneRateTypes = List.copyOf(r.standaloneAccountRateTypeSelectionsAsStrings());
        }
        return UpdatePreferencesResponse.builder().managementAccountRateTypeSelectionsWithStrings(p.managementRateTypes)
            .memberAccountRateTypeSelectionsWithStrings(p.memberRateTypes)
            .standaloneAccountRateTypeSelectionsWithStrings(p.standaloneRateTypes).build();
    }

    private static void requireDistinct(Call c, String field, List<String> values) {
        if (new HashSet<>(values).size() != values.size()) {
            throw Errors.invalid(field, PricingCalculatorMessages.rateTypeTwice(c.operation(), field, values));
        }
    }

    // ---- tags --------------------------------------------------------------------------------

    static TagResourceResponse tag(Partition p, Call c, TagResourceRequest r) {
        Map<String, String> tags = tagsOf(p, c, r.arn());
        Map<String, String> sent = Checks.trimmedTags(c, r.tags());
        Map<String, String> merged = new LinkedHashMap<>(tags);
        merged.putAll(sent);
        int max = p.quota(PricingCalculatorQuota.TAGS_PER_RESOURCE);
        if (merged.size() > max) {
            Matcher m = ARN.matcher(r.arn());
            m.matches();
            throw Errors.quota(PricingCalculatorQuota.TAGS_PER_RESOURCE, typeOf(m.group(4)).resourceType(), m.group(5),
                PricingCalculatorMessages.tagQuota(c.operation(), r.arn(), tags.size(), merged.size(), max));
        }
        tags.putAll(sent);
        return TagResourceResponse.builder().build();
    }

    static UntagResourceResponse untag(Partition p, Call c, UntagResourceRequest r) {
        Map<String, String> tags = tagsOf(p, c, r.arn());
        r.tagKeys().forEach(k -> tags.remove(k.trim()));
        return UntagResourceResponse.builder().build();
    }

    static ListTagsForResourceResponse listTags(Partition p, Call c, ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder().tags(Map.copyOf(tagsOf(p, c, r.arn()))).build();
    }

    /** The live tag map of the resource an ARN names in this partition. */
    private static Map<String, String> tagsOf(Partition p, Call c, String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw Errors.invalid("arn", PricingCalculatorMessages.notOurArn(c.operation(), arn, p.accountId));
        }
        PricingCalculatorResource type = typeOf(m.group(4));
        String id = m.group(5);
        Map<String, String> tags = null;
        // Only the ARN the service issued names the resource: this account, the caller's partition and no region
        // (the service is global). A regional or other-partition spelling names nothing here, as another account's.
        if (m.group(3).equals(p.accountId) && m.group(1).equals(partitionOf(c.region())) && m.group(2).isEmpty()) {
            switch (type) {
                case BILL_SCENARIO:
                    tags = p.scenarios.containsKey(id) ? p.scenarios.get(id).tags : null;
                    break;
                case BILL_ESTIMATE:
                    tags = p.estimates.containsKey(id) ? p.estimates.get(id).tags : null;
                    break;
                default:
                    tags = p.workloads.containsKey(id) ? p.workloads.get(id).tags : null;
                    break;
            }
        }
        if (tags == null) {
            throw Errors.notFound(type, id, PricingCalculatorMessages.arnNotFound(c.operation(), arn, type, p.accountId));
        }
        return tags;
    }

    /** The partition of the endpoint region serving the call (us-east-1, cn-northwest-1 or us-gov-west-1). */
    private static String partitionOf(String region) {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    static PricingCalculatorResource typeOf(String arnType) {
        for (PricingCalculatorResource r : PricingCalculatorResource.values()) {
            if (r.arnType().equals(arnType)) {
                return r;
            }
        }
        throw new IllegalArgumentException(arnType);
    }
}
