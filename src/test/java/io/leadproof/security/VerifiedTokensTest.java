package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The verified-token cache on its own, with a hand-moved clock. */
class VerifiedTokensTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final VerifiedTokens<String> cache = new VerifiedTokens<>(3, now::get);

    @Test
    void a_verified_token_is_known_until_its_exp_and_not_one_millisecond_longer() {
        cache.put("header.payload.sig", "ada", now.get() + 5_000);
        now.addAndGet(4_999);
        assertThat(cache.get("header.payload.sig")).isEqualTo("ada");
        now.addAndGet(1);
        assertThat(cache.get("header.payload.sig")).as("at exp the token is verified anew (and refused there)").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_token_differing_by_one_byte_finds_nothing() {
        cache.put("header.payload.sig", "ada", now.get() + 5_000);
        assertThat(cache.get("header.payload.siG")).isNull();
        assertThat(cache.get("header.paYload.sig")).isNull();
        assertThat(cache.get("header.payload.sig ")).isNull();
        assertThat(cache.get("header.payload.sig")).isEqualTo("ada");
    }

    @Test
    void an_already_expired_token_is_never_kept() {
        cache.put("old", "ada", now.get());
        assertThat(cache.get("old")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_cap_holds_under_a_flood_of_distinct_tokens_and_expired_entries_go_first() {
        cache.put("short", "a", now.get() + 10);
        cache.put("t1", "b", now.get() + 60_000);
        cache.put("t2", "c", now.get() + 60_000);
        now.addAndGet(10);
        cache.put("t3", "d", now.get() + 60_000);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("t1")).isEqualTo("b");
        assertThat(cache.get("t3")).isEqualTo("d");
        for (int i = 0; i < 1_000; i++) {
            cache.put("flood-" + i, "x", now.get() + 60_000);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("flood-999")).as("the newest is kept").isEqualTo("x");
    }

    @Test
    void size_zero_turns_the_cache_off() {
        VerifiedTokens<String> off = new VerifiedTokens<>(0, now::get);
        off.put("t", "ada", now.get() + 60_000);
        assertThat(off.get("t")).isNull();
        assertThat(off.enabled()).isFalse();
    }
}
