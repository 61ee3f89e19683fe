package io.leadproof.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of {@link BotCheck}, configurable per deployment.
 *
 * @param burstEvents          this many activities or more …
 * @param burstWindow          … within this span (inclusive) are a burst no person makes
 * @param floodEvents          this many activities or more at the very same instant are a flood
 * @param honeypotFields       property names of form fields hidden from people: a value in one means a bot filled it
 * @param userAgentProperties  property names holding a user agent (compared case-insensitively)
 * @param crawlerAgents        user agents of crawlers and scripts, matched anywhere, case-insensitively
 */
public record BotRules(int burstEvents, Duration burstWindow, int floodEvents, Set<String> honeypotFields,
        Set<String> userAgentProperties, List<Pattern> crawlerAgents) {

    static final String CRAWLERS_RESOURCE = "/quality/crawler_user_agents.txt";

    public BotRules {
        if (burstEvents < 2 || floodEvents < 2 || burstWindow.isNegative()) {
            throw new IllegalArgumentException("burstEvents and floodEvents must be at least 2, the window not negative");
        }
        honeypotFields = Set.copyOf(honeypotFields);
        userAgentProperties = Set.copyOf(userAgentProperties);
        crawlerAgents = List.copyOf(crawlerAgents);
    }

    /**
     * 15 activities in 10 seconds; 5 at one instant; honeypot fields {@code honeypot}, {@code _gotcha} (Formspree's),
     * {@code hp}; user agent in {@code userAgent}, {@code user_agent} or {@code ua}; crawlers from the bundled list.
     */
    public static BotRules defaults() {
        return new BotRules(15, Duration.ofSeconds(10), 5, Set.of("honeypot", "_gotcha", "hp"),
                Set.of("useragent", "user_agent", "ua"), crawlerPatterns(BotRules.class.getResourceAsStream(CRAWLERS_RESOURCE)));
    }

    public BotRules withBurst(int events, Duration window) {
        return new BotRules(events, window, floodEvents, honeypotFields, userAgentProperties, crawlerAgents);
    }

    /** One regular expression a line; blank lines and lines starting with # are skipped. */
    public static List<Pattern> crawlerPatterns(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Pattern.compile(l, Pattern.CASE_INSENSITIVE))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
