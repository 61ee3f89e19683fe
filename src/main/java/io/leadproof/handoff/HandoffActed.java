package io.leadproof.handoff;

import java.util.UUID;

/**
 * Fired inside the transaction of a sales response to a handoff (accept, reject, touch with its first-call signals,
 * opportunity, deal), after its changes: what is derived from a lead's handoff (the accepted-lead prediction) is
 * refreshed from it, by observers of the transaction's success.
 */
public record HandoffActed(String workspaceId, UUID handoffId, UUID leadId) {
}
