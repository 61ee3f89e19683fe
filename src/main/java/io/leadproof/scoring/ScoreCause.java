package io.leadproof.scoring;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a lead's score was recomputed.")
public enum ScoreCause {
    @Description("Lead attributes changed.") LEAD_CHANGED,
    @Description("New activities were recorded.") ACTIVITY_RECORDED,
    @Description("A criteria version was published and the workspace rescored.") VERSION_PUBLISHED,
    @Description("Time passed and engagement decayed or left its window.") DECAY
}
