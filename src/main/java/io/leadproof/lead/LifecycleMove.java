package io.leadproof.lead;

import static io.leadproof.lead.LifecycleStage.DISQUALIFIED;
import static io.leadproof.lead.LifecycleStage.HANDED_OFF;
import static io.leadproof.lead.LifecycleStage.LOST;
import static io.leadproof.lead.LifecycleStage.MQL;
import static io.leadproof.lead.LifecycleStage.NEW;
import static io.leadproof.lead.LifecycleStage.RECYCLED;
import static io.leadproof.lead.LifecycleStage.SAL;
import static io.leadproof.lead.LifecycleStage.SQL;
import static io.leadproof.lead.LifecycleStage.WON;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lead lifecycle: every move a lead's stage may make, from which stages and to which. This table is the one
 * definition of the allowed transitions; {@link LeadLifecycle} applies a move to a batch of leads in one statement and
 * is the only writer of a lead's stage. A new way into or out of a stage is a new row here (and, if it writes more than
 * the stage, a case in {@link LeadLifecycle#effects}).
 */
public enum LifecycleMove {
    /** Scoring: the lead reached the MQL threshold of the handoff model's active version. A recycled lead only after
     * engagement since it was recycled, or under another version than the one it was last handed off under. */
    QUALIFY("qualify", MQL, NEW, RECYCLED),
    /** Scoring: a knock-out rule of the handoff model's active version matched before sales took the lead. */
    KNOCK_OUT("knock out", DISQUALIFIED, NEW, MQL, RECYCLED),
    /** Marketing hands the qualified lead to sales under a criteria version. */
    HAND_OFF("hand off", HANDED_OFF, MQL),
    ACCEPT("accept", SAL, HANDED_OFF),
    /** History imported from a CRM (dealsImport): the lead was handed off in the past, whether or not it is an MQL here. */
    IMPORT_HAND_OFF("import a handoff for", HANDED_OFF, NEW, MQL, RECYCLED),
    OPEN_OPPORTUNITY("open an opportunity for", SQL, SAL),
    WIN("win", WON, SQL),
    LOSE("lose", LOST, SQL),
    /** Back to nurture after a sales rejection; it may re-qualify (see QUALIFY). */
    RECYCLE("recycle", RECYCLED, HANDED_OFF, SAL),
    /** Disqualified by a sales rejection. */
    DISQUALIFY("disqualify", DISQUALIFIED, HANDED_OFF, SAL);

    private final String verb;
    private final LifecycleStage to;
    private final Set<LifecycleStage> from;

    LifecycleMove(String verb, LifecycleStage to, LifecycleStage first, LifecycleStage... rest) {
        this.verb = verb;
        this.to = to;
        this.from = EnumSet.of(first, rest);
    }

    public LifecycleStage to() {
        return to;
    }

    public Set<LifecycleStage> from() {
        return from;
    }

    public boolean allowedFrom(LifecycleStage stage) {
        return from.contains(stage);
    }

    /** Why the move was refused for a lead in the given stage. */
    String refusal(LifecycleStage stage) {
        return "cannot " + verb + " a lead in stage " + stage;
    }
}
