package io.leadproof.evidence.core;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadField;

/**
 * What one candidate signal is, structured so that a suggestion can turn it into a rule, with a
 * stable {@link #key()} and a {@link #phrase()} that reads after "had": "Won deals had <phrase> …".
 */
public sealed interface SignalDefinition {

    SignalFamily family();

    /** Stable within an analysis and across analyses of the same data, e.g. {@code trait:BUDGET_STATUS=APPROVED}. */
    String key();

    String phrase();

    /** How the reference moment qualifies the phrase in a sentence. */
    Timing timing();

    enum Timing { AT_MOMENT, BEFORE_MOMENT, NONE }

    /** The leads without this signal, for comparisons: "leads with a stated budget status". */
    default String othersPhrase() {
        return "leads without it";
    }

    /**
     * A trait value: an enum constant name, a normalised text value (trimmed, lower case), or a
     * boolean / text custom value; {@code value} null means unknown. {@code customKey} is set when
     * {@code field} is CUSTOM.
     */
    record TraitValue(LeadField field, String customKey, String value) implements SignalDefinition {
        public SignalFamily family() {
            return field == LeadField.CUSTOM ? SignalFamily.CUSTOM_ATTRIBUTE : SignalFamily.TRAIT;
        }

        public String key() {
            return Phrases.traitKey(field, customKey) + "=" + (value == null ? "∅" : value);
        }

        public String phrase() {
            return Phrases.subject(field, customKey) + " " + (value == null ? "unknown" : Phrases.shown(field, value));
        }

        public String othersPhrase() {
            return (value == null ? "leads with a stated " : "leads with another ") + Phrases.subject(field, customKey);
        }

        public Timing timing() {
            return Timing.AT_MOMENT;
        }
    }

    /** The long tail: a known value of a text trait that is not one of the values listed on their own. */
    record OtherValue(LeadField field, String customKey) implements SignalDefinition {
        public SignalFamily family() {
            return field == LeadField.CUSTOM ? SignalFamily.CUSTOM_ATTRIBUTE : SignalFamily.TRAIT;
        }

        public String key() {
            return Phrases.traitKey(field, customKey) + "=*other";
        }

        public String phrase() {
            return "a less common " + Phrases.subject(field, customKey);
        }

        public Timing timing() {
            return Timing.AT_MOMENT;
        }
    }

    /**
     * A quantile bin of a number trait: values in [min, max] as observed in the cohort;
     * {@code lowestBin} / {@code highestBin} mark the open-ended first and last bins.
     */
    record NumberRange(LeadField field, String customKey, double min, double max, boolean lowestBin,
                       boolean highestBin) implements SignalDefinition {
        public SignalFamily family() {
            return field == LeadField.CUSTOM ? SignalFamily.CUSTOM_ATTRIBUTE : SignalFamily.TRAIT;
        }

        public String key() {
            return Phrases.traitKey(field, customKey) + "∈[" + Phrases.number(min) + "," + Phrases.number(max) + "]";
        }

        public String phrase() {
            String subject = Phrases.subject(field, customKey);
            if (min == max) {
                return subject + " " + Phrases.number(min);
            }
            if (lowestBin) {
                return subject + " ≤ " + Phrases.number(max);
            }
            if (highestBin) {
                return subject + " ≥ " + Phrases.number(min);
            }
            return subject + " " + Phrases.number(min) + "–" + Phrases.number(max);
        }

        public Timing timing() {
            return Timing.AT_MOMENT;
        }
    }

    /** Activities of a type and funnel stage (null: without a stage) before the moment. */
    record Behaviour(ActivityType type, FunnelStage stage, BehaviourFacet facet) implements SignalDefinition {
        public SignalFamily family() {
            return SignalFamily.BEHAVIOUR;
        }

        public String key() {
            return "behaviour:" + type + "/" + (stage == null ? "-" : stage) + ":" + facet;
        }

        public String phrase() {
            return Phrases.activity(type) + (stage == null ? "" : " (" + stage + ")") + facet.suffix();
        }

        public Timing timing() {
            return Timing.BEFORE_MOMENT;
        }
    }

    /** The campaign (name or id), source or channel the lead came from; null value: none. */
    record Attribution(AttributionKind kind, String value) implements SignalDefinition {
        public SignalFamily family() {
            return switch (kind) {
                case CAMPAIGN -> SignalFamily.CAMPAIGN;
                case SOURCE -> SignalFamily.SOURCE;
                case CHANNEL -> SignalFamily.CHANNEL;
            };
        }

        public String key() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + (value == null ? "∅" : value);
        }

        public String phrase() {
            String what = kind.name().toLowerCase(java.util.Locale.ROOT);
            if (value == null) {
                return "no " + what;
            }
            return "come from " + what + " " + (kind == AttributionKind.CAMPAIGN ? "'" + value + "'" : value);
        }

        public Timing timing() {
            return Timing.NONE;
        }
    }

    /** A campaign outside the listed ones: the long tail of campaigns. */
    record OtherCampaign() implements SignalDefinition {
        public SignalFamily family() {
            return SignalFamily.CAMPAIGN;
        }

        public String key() {
            return "campaign:*other";
        }

        public String phrase() {
            return "come from a less common campaign";
        }

        public Timing timing() {
            return Timing.NONE;
        }
    }

    /** A first-call signal code logged within the first-call window after the handoff. */
    record FirstCall(String code) implements SignalDefinition {
        public SignalFamily family() {
            return SignalFamily.FIRST_CALL;
        }

        public String key() {
            return "first-call:" + code;
        }

        public String phrase() {
            return code + " logged after the first calls";
        }

        public Timing timing() {
            return Timing.NONE;
        }
    }

    /** A rule that contributed to the score frozen at handoff (rejection insights). */
    record RuleContribution(String ruleKey, String ruleLabel) implements SignalDefinition {
        public SignalFamily family() {
            return SignalFamily.RULE;
        }

        public String key() {
            return "rule:" + ruleKey;
        }

        public String phrase() {
            return "qualified through rule '" + (ruleLabel == null ? ruleKey : ruleLabel) + "'";
        }

        public String othersPhrase() {
            return "leads the rule did not score";
        }

        public Timing timing() {
            return Timing.NONE;
        }
    }
}
