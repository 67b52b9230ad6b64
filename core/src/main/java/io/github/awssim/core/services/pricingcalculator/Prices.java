package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulation's price list: usage rates and commitment prices, the same for every account and region. Each
 * rate carries a version that changes whenever its price, unit or location does, so a workload estimate can tell
 * that a rate changed after it was priced. Thread-safe.
 */
final class Prices {
    /** A rate and its version. */
    record Versioned(Rate rate, long version) {
    }

    /** What one commitment costs: per instance for a Reserved Instance offering, whole for an existing commitment. */
    record CommitmentPrice(BigDecimal upfrontPayment, BigDecimal monthlyPayment) {
    }

    private final Map<Rate.RateKey, Versioned> rates = new LinkedHashMap<>();
    private final Map<String, CommitmentPrice> commitments = new LinkedHashMap<>();
    private long versions;

    synchronized void put(Rate rate) {
        Versioned old = rates.get(rate.key());
        if (old != null && old.rate().equals(rate)) {
            return;
        }
        // Keep the first-set order for rates(); a changed rate gets a new version.
        rates.put(rate.key(), new Versioned(rate, ++versions));
    }

    synchronized Optional<Versioned> get(Rate.RateKey key) {
        return Optional.ofNullable(rates.get(key));
    }

    synchronized List<Rate> all() {
        return rates.values().stream().map(Versioned::rate).toList();
    }

    synchronized void putCommitment(String id, CommitmentPrice price) {
        commitments.put(id, price);
    }

    synchronized Optional<CommitmentPrice> commitment(String id) {
        return Optional.ofNullable(commitments.get(id));
    }
}
