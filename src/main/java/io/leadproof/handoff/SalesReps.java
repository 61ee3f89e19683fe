package io.leadproof.handoff;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Registers reps and changes them; the user name is the rep's identity within a workspace. */
@ApplicationScoped
public class SalesReps {

    @Inject
    Clock clock;

    /** Registers the rep when new; a null display name or availability leaves that attribute as it is. */
    @Transactional
    public SalesRep upsert(String userName, String displayName, Boolean available) {
        SalesRep rep = SalesRep.<SalesRep>find("userName", userName).firstResultOptional().orElseGet(() -> {
            var created = SalesRep.register(userName, displayName == null ? userName : displayName, clock.instant());
            created.persist();
            return created;
        });
        if (displayName != null) {
            rep.rename(displayName);
        }
        if (available != null) {
            rep.setAvailable(available);
        }
        return rep;
    }
}
