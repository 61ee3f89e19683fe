package io.leadproof.quality;

/** Why an activity is taken for a bot's. */
public enum BotReason {
    BURST,
    TIMESTAMP_FLOOD,
    HONEYPOT,
    CRAWLER_AGENT
}
