package io.leadproof.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The company domain loses its scheme, "www." and path with one compiled pattern, exactly as the three replaceFirst calls did. */
class DomainUnwrapTest {

    @ParameterizedTest
    @ValueSource(strings = { "acme.com", "https://acme.com", "http://www.acme.com/about/team", "www.acme.com", "acme.com/",
            "www.https://acme.com", "https://", "/path/only", "acme.com/a\nb", "a\nb.com", "wwwxacme.com", "httpss://acme.com",
            "https://www.www.acme.com", "" })
    void unwrapsAsTheRegexChainDid(String domain) {
        String chain = domain.replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/.*$", "");
        assertEquals(chain, LeadInputParser.unwrapped(domain));
    }
}
