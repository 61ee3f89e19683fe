package io.leadproof.scoring.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class Lists {
    private Lists() {
    }

    /** Unlike List.copyOf, keeps null elements so that the validator can point at them. */
    static <T> List<T> immutableCopyAllowingNulls(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
