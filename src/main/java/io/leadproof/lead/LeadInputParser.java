package io.leadproof.lead;

import io.leadproof.common.UserErrorCode;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.leadproof.common.Attributes;
import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;

/** Turns a {@link LeadInput} into a normalised {@link LeadProfile}, or into user errors naming each bad field. */
final class LeadInputParser {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** A scheme, a "www." and a path around the domain (one compiled pattern: this runs for every imported row). */
    private static final Pattern DOMAIN_WRAPPING = Pattern.compile("^(?:https?://)?(?:www\\.)?([^/]*)(?:/.*)?$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private LeadInputParser() {
    }

    record Parsed(LeadProfile profile, Instant createdAt, Instant observedAt) {
    }

    /** @param currency the workspace's reporting currency, asked for only when the input has an amount */
    static Parsed parse(LeadInput in, InputProblems problems, Instant now, Supplier<String> currency) {
        String externalId = problems.text(in.externalId(), 200, "externalId");
        String email = problems.text(in.email(), 254, "email");
        if (email != null && !EmailAddresses.isValid(email)) {
            problems.add(UserErrorCode.INVALID_EMAIL, "email '" + email + "' is not a valid address", "email");
            email = null;
        }
        if (externalId == null && email == null && problems.isEmpty()) {
            problems.add(UserErrorCode.IDENTITY_REQUIRED, "a lead needs an externalId or an email", "email");
        }
        String country = problems.text(in.country(), 2, "country");
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                problems.add(UserErrorCode.INVALID_COUNTRY, "country must be an ISO 3166-1 alpha-2 code", "country");
                country = null;
            }
        }
        String domain = problems.text(in.companyDomain(), 253, "companyDomain");
        if (domain != null) {
            domain = unwrapped(domain.toLowerCase(Locale.ROOT));
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(UserErrorCode.INVALID_DOMAIN, "companyDomain must be a domain name such as acme.com", "companyDomain");
                domain = null;
            }
        }
        UUID campaignId = null;
        if (in.campaignId() != null) {
            campaignId = NodeId.parse("Campaign", in.campaignId());
            if (campaignId == null) {
                problems.add(UserErrorCode.INVALID_ID, "campaignId is not a Campaign id", "campaignId");
            }
        }
        Instant createdAt = now;
        if (in.createdAt() != null) {
            createdAt = in.createdAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (createdAt.isAfter(now.plusSeconds(300))) {
                problems.add(UserErrorCode.IN_FUTURE, "createdAt must not lie in the future", "createdAt");
            }
        }
        Instant observedAt = null;
        if (in.observedAt() != null) {
            observedAt = in.observedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (observedAt.isAfter(now.plusSeconds(300))) {
                problems.add(UserErrorCode.IN_FUTURE, "observedAt must not lie in the future", "observedAt");
            }
        }
        var profile = new LeadProfile(
                externalId, email,
                problems.text(in.firstName(), 100, "firstName"),
                problems.text(in.lastName(), 100, "lastName"),
                phone(problems.text(in.phone(), 40, "phone"), country, problems),
                problems.text(in.companyName(), 200, "companyName"),
                domain,
                in.annualRevenue() == null ? null : problems.amount(in.annualRevenue(), currency.get(), "annualRevenue"),
                problems.range(in.employeeCount(), 0, 10_000_000, "employeeCount"),
                problems.text(in.industry(), 100, "industry"),
                problems.text(in.jobTitle(), 200, "jobTitle"),
                country, in.source(), campaignId, in.budgetStatus(),
                in.budgetAmount() == null ? null : problems.amount(in.budgetAmount(), currency.get(), "budgetAmount"),
                in.authority(), in.need(), in.timeline(),
                problems.text(in.ownerId(), 100, "ownerId"),
                Attributes.parse(in.customAttributes(), problems, "customAttributes"));
        return new Parsed(profile, createdAt, observedAt);
    }

    private static String phone(String raw, String country, InputProblems problems) {
        if (raw == null) {
            return null;
        }
        try {
            var number = PHONES.parse(raw, country == null ? "ZZ" : country);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // falls through to the user error below
        }
        problems.add(UserErrorCode.INVALID_PHONE, "phone is not a valid number (use +<country code> or set country)", "phone");
        return null;
    }

    /** The domain without scheme, "www." and path, as the three replaceFirst calls before it ("^https?://", "^www\\.", "/.*$"). */
    static String unwrapped(String domain) {
        var m = DOMAIN_WRAPPING.matcher(domain);
        return m.matches() ? m.group(1) : domain;
    }
}
