package io.leadproof.evidence.suggest;

import io.leadproof.scoring.engine.CriteriaVersionSpec;

import java.util.List;

/**
 * A draft copied from the active version with the proposed changes applied (validated: it compiles),
 * the changes with their rationales, and notes on strong evidence that no rule can express (a
 * campaign, a first-call signal) or that the active version already covers. Nothing is published:
 * a human edits and publishes.
 */
public record Suggestion(CriteriaVersionSpec draft, List<ProposedChange> changes, List<String> notes) {
    public Suggestion {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }
}
