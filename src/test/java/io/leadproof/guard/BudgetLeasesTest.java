package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A pod pays most requests from its lease on the shared bucket; the bucket itself never gives out more than it holds. */
class BudgetLeasesTest {

    /** The shared bucket, without refill: what {@link CostBudget#charge} does in the database. */
    @jakarta.enterprise.inject.Vetoed
    static final class Bucket extends CostBudget {
        long tokens;
        final List<Long> charges = new ArrayList<>();

        Bucket(long tokens) {
            this.tokens = tokens;
        }

        @Override
        public Decision charge(String key, long cost, GraphQLLimits.BucketSpec spec) {
            charges.add(cost);
            boolean granted = tokens >= cost;
            tokens -= granted ? cost : 0;
            return new Decision(granted, cost, tokens, spec.capacity(), spec.restoreRate());
        }
    }

    static final GraphQLLimits.BucketSpec SPEC = new GraphQLLimits.BucketSpec(true, 1000, 0);

    CostBudget.Decision request(BudgetLeases leases, long cost) throws Exception {
        var fromLease = leases.fromLease("ws/user", cost, SPEC);
        return fromLease != null ? fromLease : leases.charge("ws/user", cost, SPEC);
    }

    @Test
    void one_database_charge_pays_for_a_lease_of_several_requests() throws Exception {
        var bucket = new Bucket(1000);
        var leases = new BudgetLeases(bucket);
        var remaining = new ArrayList<Long>();
        for (int i = 0; i < 10; i++) {
            var decision = request(leases, 10);
            assertThat(decision.granted()).isTrue();
            remaining.add(decision.remaining());
        }
        assertThat(bucket.charges).as("a lease of 5 % of the capacity, 5 requests each").containsExactly(50L, 50L);
        assertThat(remaining).as("what the user has left, request by request").containsExactly(990L, 980L, 970L, 960L, 950L,
                940L, 930L, 920L, 910L, 900L);
    }

    @Test
    void a_bucket_too_low_for_a_lease_is_charged_exactly_and_never_overspent() throws Exception {
        var bucket = new Bucket(75);
        var leases = new BudgetLeases(bucket);
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += request(leases, 10).granted() ? 1 : 0;
        }
        assertThat(granted).as("75 points pay for 7 requests of 10").isEqualTo(7);
        assertThat(bucket.tokens).isEqualTo(5);
    }

    @Test
    void a_small_bucket_is_charged_per_request_as_before() {
        assertThat(BudgetLeases.leaseSize(10, new GraphQLLimits.BucketSpec(true, 100, 20))).isEqualTo(10);
        assertThat(BudgetLeases.leaseSize(10, new GraphQLLimits.BucketSpec(true, 100_000, 100))).isEqualTo(5000);
    }

    @Test
    void a_drain_after_the_bucket_refilled_never_lets_the_lease_report_more_than_the_capacity() throws Exception {
        var bucket = new Bucket(1000);
        var leases = new BudgetLeases(bucket);
        request(leases, 1); // a lease of several requests' points is taken from the bucket
        long held = 1000 - bucket.tokens;
        assertThat(held).isGreaterThan(1);
        // the bucket refilled to 995 while the points were held; a drain beside the lease reports it
        leases.drained("ws/user", new CostBudget.Decision(true, 0, 995, 1000, 0));
        var next = request(leases, 1);
        assertThat(next.granted()).isTrue();
        assertThat(next.remaining()).isLessThanOrEqualTo(1000);
    }
}
