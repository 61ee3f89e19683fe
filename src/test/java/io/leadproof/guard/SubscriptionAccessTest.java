package io.leadproof.guard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Who may start a subscription whose root field needs the sales role, decided before any stream exists. */
class SubscriptionAccessTest {

    static final List<String> SALES = List.of("sales");

    @Test
    void a_caller_who_cannot_be_read_or_is_anonymous_must_sign_in() {
        assertThatThrownBy(() -> SubscriptionAccess.refuseUnlessAllowed(null, SALES)).isInstanceOf(UnauthorizedException.class);
        var anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertThatThrownBy(() -> SubscriptionAccess.refuseUnlessAllowed(anonymous, SALES)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void a_signed_in_caller_without_the_role_is_forbidden_and_a_rep_is_let_through() {
        var marketing = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("mia")).addRole("marketing").build();
        assertThatThrownBy(() -> SubscriptionAccess.refuseUnlessAllowed(marketing, SALES)).isInstanceOf(ForbiddenException.class);
        var rep = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("sam")).addRole("sales").build();
        assertThatCode(() -> SubscriptionAccess.refuseUnlessAllowed(rep, SALES)).doesNotThrowAnyException();
        assertThatCode(() -> SubscriptionAccess.refuseUnlessAllowed(rep, List.of("revops-admin", "sales"))).doesNotThrowAnyException();
    }
}
